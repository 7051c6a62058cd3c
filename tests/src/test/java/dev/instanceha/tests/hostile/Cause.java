package dev.instanceha.tests.hostile;

/** Why a case failed; one column of the summary table each. */
public enum Cause {
    NON_ZERO_EXIT("non-zero exit"),
    STACK_TRACE("stack trace"),
    HUNG("hung"),
    BLOCK_NOT_NAMING_KEY("block not naming key"),
    BAD_PAYLOAD_ACTIVE("bad payload ended active"),
    ACTION_NOT_FAILED_CLEANLY("bad action not failed cleanly"),
    WRONG_STATUS("other status mismatch"),
    SECRET_LEAKED("secret leaked"),
    INJECTION("injection"),
    SECOND_RUN_CHANGE("second-run change");

    private final String label;

    Cause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
