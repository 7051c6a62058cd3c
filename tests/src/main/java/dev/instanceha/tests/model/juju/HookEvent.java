package dev.instanceha.tests.model.juju;

import dev.instanceha.ops.testing.jujuc.HookToolContext;
import java.util.Map;

/**
 * One hook or action to run on a unit, with the relation context Juju gives it. Actions carry
 * their parameters and a slot for the outcome the caller waits on.
 */
public record HookEvent(
        String hook, Relation relation, String remoteUnit, String remoteApp, String departingUnit, ActionRun action) {

    public static HookEvent of(String hook) {
        return new HookEvent(hook, null, null, null, null, null);
    }

    public static HookEvent relation(
            String suffix, Relation relation, String endpoint, String remoteUnit, String remoteApp) {
        return new HookEvent(endpoint + "-relation-" + suffix, relation, remoteUnit, remoteApp, null, null);
    }

    public boolean isAction() {
        return action != null;
    }

    /** What the unit log and progress show: the hook, with its remote unit. */
    public String describe() {
        if (action != null) {
            return "action " + action.name() + " " + action.params();
        }
        return remoteUnit != null ? hook + " (" + remoteUnit + ")" : hook;
    }

    /** An action request and, once run, its outcome. */
    public static final class ActionRun implements HookToolContext.Action {
        private final int id;
        private final String name;
        private final Map<String, Object> params;
        final Map<String, String> results = new java.util.LinkedHashMap<>();
        final java.util.List<String> logs = new java.util.ArrayList<>();
        String failure;
        String status = "pending";
        private final java.util.concurrent.CompletableFuture<ActionRun> done =
                new java.util.concurrent.CompletableFuture<>();

        public ActionRun(int id, String name, Map<String, Object> params) {
            this.id = id;
            this.name = name;
            this.params = params;
        }

        public int id() {
            return id;
        }

        public String name() {
            return name;
        }

        @Override
        public Map<String, Object> params() {
            return params;
        }

        @Override
        public void addResults(Map<String, String> more) {
            results.putAll(more);
        }

        @Override
        public void fail(String message) {
            failure = message;
        }

        @Override
        public void log(String message) {
            logs.add(message);
        }

        public Map<String, String> results() {
            return results;
        }

        public java.util.List<String> logs() {
            return logs;
        }

        public String failure() {
            return failure;
        }

        public String status() {
            return status;
        }

        public java.util.concurrent.CompletableFuture<ActionRun> done() {
            return done;
        }
    }
}
