package dev.instanceha.hostmonitor.notify;

/** Keystone or Masakari could not be used this attempt (unreachable, refused, unexpected answer). */
public class ApiException extends Exception {
    public ApiException(String message) {
        super(message);
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
