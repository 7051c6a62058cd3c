package dev.instanceha.stonith;

/** A parameter is missing or malformed; the message names the parameter, never its value. */
public final class BadParameterException extends Exception {
    public BadParameterException(String parameter, String problem) {
        super("parameter " + parameter + ": " + problem);
    }
}
