package dev.instanceha.stonith;

/**
 * Exit statuses of the fence-agents protocol: pacemaker reads 0 versus non-zero, and 2 for status.
 * Invalid parameters exit 1 for every action, validate-all included, as fence-agents' agents do.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    /** status: the plug is off. Never used for errors. */
    public static final int STATUS_OFF = 2;

    private ExitCodes() {}
}
