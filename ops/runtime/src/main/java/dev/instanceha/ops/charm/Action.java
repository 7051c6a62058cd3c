package dev.instanceha.ops.charm;

/** The body of one action declared in actions.yaml. */
@FunctionalInterface
public interface Action {
    void run(ActionContext action);
}
