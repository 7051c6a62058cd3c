package dev.instanceha.ops.charm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One running action: its parameters (defaults already applied by Juju), its results and its
 * progress log. Fail it by throwing {@link ActionFailedException}.
 */
public final class ActionContext {
    private static final Pattern RESULT_KEY =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*");
    private final String name;
    private final Map<String, Object> params;
    private final HookContext hook;
    private final Map<String, String> results = new LinkedHashMap<>();
    private boolean reconcileRequested;

    public ActionContext(String name, Map<String, Object> params, HookContext hook) {
        this.name = name;
        Map<String, Object> given = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (value != null) {
                given.put(key, value); // action-get may say "key": null; that is an absent parameter
            }
        });
        this.params = java.util.Collections.unmodifiableMap(given);
        this.hook = hook;
    }

    public String name() {
        return name;
    }

    public HookContext hook() {
        return hook;
    }

    public Map<String, Object> params() {
        return params;
    }

    /**
     * Binds the parameters to a record, the same way config binds ({@code @JsonProperty} or the
     * component name); a mismatch fails the action naming the parameter.
     */
    public <T> T params(Class<T> type) {
        return dev.instanceha.ops.model.RecordBinding.bind(
                params, type, (key, problem) -> new ActionFailedException("parameter '" + key + "' " + problem));
    }

    /** Sets a result; nested keys use dots ({@code segment.uuid}) as {@code action-set} does. */
    public void result(String key, Object value) {
        if (!RESULT_KEY.matcher(key).matches() || key.equals("stdout") || key.equals("stderr")) {
            throw new IllegalArgumentException("invalid action result key: " + key);
        }
        results.put(key, String.valueOf(value));
    }

    public Map<String, String> results() {
        return Map.copyOf(results);
    }

    /**
     * Asks the runner to reconcile the unit once the action is done (whether it succeeded or
     * failed cleanly), so its status shows what the action changed: pause, resume, an upgrade.
     */
    public void requestReconcile() {
        reconcileRequested = true;
    }

    boolean reconcileRequested() {
        return reconcileRequested;
    }

    /** A progress line the operator sees while the action runs. */
    public void progress(String message) {
        hook.tools().actionLog(hook.log().forStatus(message));
    }
}
