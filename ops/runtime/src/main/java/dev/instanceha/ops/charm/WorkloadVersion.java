package dev.instanceha.ops.charm;

/**
 * The workload version {@code juju status} shows: the upstream part of an installed package's
 * version, set through application-version-set only when it changed (a hook run twice sets nothing).
 */
public final class WorkloadVersion {
    private static final String STATE_KEY = "workload-version";

    private WorkloadVersion() {}

    /** Publishes the upstream version of {@code packageName} when it is installed and differs from the last one set. */
    public static void publish(HookContext hook, String packageName) {
        hook.host()
                .packages()
                .version(packageName)
                .map(WorkloadVersion::upstream)
                .ifPresent(version -> {
                    if (hook.model()
                            .state()
                            .get(STATE_KEY)
                            .filter(version::equals)
                            .isEmpty()) {
                        hook.tools().applicationVersionSet(version);
                        hook.model().state().put(STATE_KEY, version);
                    }
                });
    }

    /** {@code 1:14.0.2-2ubuntu1} → {@code 14.0.2}; {@code 2.1.5-1+deb12u1} → {@code 2.1.5}; {@code 2.1~rc1-1} → {@code 2.1}. */
    public static String upstream(String debianVersion) {
        String noEpoch = debianVersion.substring(debianVersion.indexOf(':') + 1);
        int dash = noEpoch.lastIndexOf('-');
        String upstream = dash > 0 ? noEpoch.substring(0, dash) : noEpoch;
        int tilde = upstream.indexOf('~');
        return tilde > 0 ? upstream.substring(0, tilde) : upstream;
    }
}
