package dev.instanceha.tests.hostile;

/** One failed check of one case, with the detail a person needs to find the defect. */
public record Finding(Cause cause, String detail) {
    @Override
    public String toString() {
        return cause.label() + ": " + detail;
    }
}
