package dev.instanceha.masakari;

import dev.instanceha.interfaces.Shown;
import dev.instanceha.ops.charm.ActionContext;
import dev.instanceha.ops.charm.ActionFailedException;
import java.util.List;
import java.util.Optional;

/**
 * Reads and checks one action's parameters before anything is done, so a wrong or missing one
 * fails the action naming it (Juju checks actions.yaml's types too, but not every client does).
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
        Object value = action.params().get(key);
        if (value != null && !(value instanceof String)) {
            throw fail(key, "must be text, not " + Shown.value(String.valueOf(value)));
        }
        Optional<String> text = action.param(key).map(String::strip);
        if (text.isPresent() && (text.get().length() > MAX_TEXT || text.get().chars().anyMatch(Character::isISOControl))) {
            throw fail(key, "must be one line of at most " + MAX_TEXT + " characters, not " + Shown.value(text.get()));
        }
        return text;
    }

    String oneOf(String key, List<String> allowed, String fallback) {
        String value = text(key, fallback);
        if (!allowed.contains(value)) {
            throw fail(key, "must be one of " + String.join(", ", allowed) + ", not " + Shown.value(value));
        }
        return value;
    }

    /** A whole number in [min, max]: "20", 20 and 20.0 are; "abc", "1.5" and 1.5 are not. */
    int integer(String key, int fallback, int min, int max) {
        Object value = action.params().get(key);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return fallback;
        }
        Long n = null;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) < 1e15) {
            n = number.longValue();
        } else if (value instanceof String s && s.strip().matches("[+-]?\\d{1,15}")) {
            n = Long.parseLong(s.strip());
        }
        if (n == null || n < min || n > max) {
            throw fail(key, "must be a whole number between " + min + " and " + max + ", not "
                    + Shown.value(String.valueOf(value)));
        }
        return n.intValue();
    }

    boolean flag(String key, boolean fallback) {
        Object value = action.params().get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw fail(key, "must be true or false, not " + Shown.value(String.valueOf(value)));
    }

    private static ActionFailedException fail(String key, String problem) {
        return new ActionFailedException("parameter '" + key + "' " + problem);
    }
}
