package dev.instanceha.stonith;

/** Exit statuses of the fence-agents protocol (pacemaker reads 0 vs non-zero, and 2 for status). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    /** status: the plug is off. Never used for errors of the status action. */
    public static final int STATUS_OFF = 2;
    /** validate-all: the parameters are invalid (fence-agents' EC_BAD_ARGS). */
    public static final int BAD_ARGS = 2;

    private ExitCodes() {
    }
}
