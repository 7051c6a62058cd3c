package dev.instanceha.masakari.api;

/** An OpenStack API call failed; the message is for the operator (status, API's own words). */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** HTTP status, or 0 when the service could not be reached. */
    public int status() {
        return status;
    }
}
