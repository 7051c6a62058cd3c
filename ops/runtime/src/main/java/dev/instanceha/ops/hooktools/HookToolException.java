package dev.instanceha.ops.hooktools;

/**
 * A hook tool exited non-zero. Carries the tool, its exit code and its stderr; never the
 * arguments or stdin it was given, since those may hold passwords or keys.
 */
public class HookToolException extends RuntimeException {
    private final String tool;
    private final int exitCode;
    private final String stderr;

    public HookToolException(String tool, int exitCode, String stderr) {
        super(tool + " failed with exit code " + exitCode + ": " + stderr.strip());
        this.tool = tool;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    public String tool() {
        return tool;
    }

    public int exitCode() {
        return exitCode;
    }

    public String stderr() {
        return stderr;
    }

    /** Maps Juju's error text onto the typed exceptions callers can act on. */
    public static HookToolException of(String tool, int exitCode, String stderr) {
        String text = stderr.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("relation not found")) {
            return new RelationNotFoundException(tool, exitCode, stderr);
        }
        for (String marker : new String[] {
            "access denied",
            "permission denied",
            "not the leader",
            "cannot write relation settings",
            "cannot write leadership settings"
        }) {
            if (text.contains(marker)) {
                return new PermissionDeniedException(tool, exitCode, stderr);
            }
        }
        return new HookToolException(tool, exitCode, stderr);
    }

    /** The relation named with {@code -r} no longer exists (it was removed while the hook ran). */
    public static final class RelationNotFoundException extends HookToolException {
        public RelationNotFoundException(String tool, int exitCode, String stderr) {
            super(tool, exitCode, stderr);
        }
    }

    /** Juju refused the write: application data or leader settings written by a non-leader. */
    public static final class PermissionDeniedException extends HookToolException {
        public PermissionDeniedException(String tool, int exitCode, String stderr) {
            super(tool, exitCode, stderr);
        }
    }
}
