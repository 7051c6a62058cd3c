package dev.instanceha.masakari;

import dev.instanceha.ops.log.Shown;
import dev.instanceha.ops.charm.ActionContext;
import dev.instanceha.ops.charm.ActionFailedException;
import java.util.Optional;

/**
 * The checks on an action's parameters that actions.yaml cannot express, made before anything is
 * done. Types, enums and required parameters are already checked by ops against actions.yaml, so
 * every value arrives typed (a string as String, an integer as Long, a boolean as Boolean).
 */
final class ActionParams {
    static final int MAX_TEXT = 255;
    private final ActionContext action;

    ActionParams(ActionContext action) {
        this.action = action;
    }

    /** A one-line text of at most {@value #MAX_TEXT} characters; required ones may not be blank. */
    String text(String key) {
        return optionalText(key).orElseThrow(() -> fail(key, "is required"));
    }

    String text(String key, String fallback) {
        return optionalText(key).orElse(fallback);
    }

    private Optional<String> optionalText(String key) {
        Optional<String> text = action.param(key).map(String::strip);
        if (text.isPresent() && (text.get().length() > MAX_TEXT || text.get().chars().anyMatch(Character::isISOControl))) {
            throw fail(key, "must be one line of at most " + MAX_TEXT + " characters, not " + Shown.value(text.get()));
        }
        return text;
    }

    /** A whole number in [min, max] (its type is checked by ops; the range is this charm's). */
    int integer(String key, int fallback, int min, int max) {
        long n = action.integer(key).orElse((long) fallback);
        if (n < min || n > max) {
            throw fail(key, "must be a whole number between " + min + " and " + max + ", not " + Shown.value(String.valueOf(n)));
        }
        return (int) n;
    }

    boolean flag(String key, boolean fallback) {
        Object value = action.params().get(key);
        return value == null ? fallback : Boolean.TRUE.equals(value);
    }

    private static ActionFailedException fail(String key, String problem) {
        return new ActionFailedException("parameter '" + key + "' " + problem);
    }
}
