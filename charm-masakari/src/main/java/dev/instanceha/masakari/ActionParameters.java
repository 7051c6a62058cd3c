package dev.instanceha.masakari;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instanceha.ops.charm.ActionFailedException;
import dev.instanceha.ops.log.Shown;
import java.util.Optional;

/**
 * The parameters of the actions that take any, bound with {@code action.params(X.class)}. Types, enums
 * and required parameters are checked by ops against actions.yaml before binding, so every value
 * arrives typed; these records add what actions.yaml cannot say (one bounded line, not blank, a
 * range) and the defaults, and fail the action naming the parameter before anything is done.
 */
final class ActionParameters {
    static final int MAX_TEXT = 255;

    private ActionParameters() {}

    /** create-segment. */
    record CreateSegment(String name, String recoveryMethod, String serviceType, String description) {
        @JsonCreator
        static CreateSegment bind(
                @JsonProperty("name") String name,
                @JsonProperty("recovery-method") String recoveryMethod,
                @JsonProperty("service-type") String serviceType,
                @JsonProperty("description") String description) {
            return new CreateSegment(
                    required("name", name),
                    text("recovery-method", recoveryMethod).orElse("auto"), // the enum is actions.yaml's
                    text("service-type", serviceType).orElse("COMPUTE"),
                    text("description", description).orElse(""));
        }
    }

    /** add-host. */
    record AddHost(
            String segment,
            String host,
            String type,
            String controlAttributes,
            boolean reserved,
            boolean onMaintenance) {
        @JsonCreator
        static AddHost bind(
                @JsonProperty("segment") String segment,
                @JsonProperty("host") String host,
                @JsonProperty("type") String type,
                @JsonProperty("control-attributes") String controlAttributes,
                @JsonProperty("reserved") Boolean reserved,
                @JsonProperty("on-maintenance") Boolean onMaintenance) {
            return new AddHost(
                    required("segment", segment),
                    required("host", host),
                    text("type", type).orElse("COMPUTE"),
                    text("control-attributes", controlAttributes).orElse("SSH"),
                    Boolean.TRUE.equals(reserved),
                    Boolean.TRUE.equals(onMaintenance));
        }
    }

    /** remove-host and reset-host-maintenance: one host of one segment. */
    record SegmentHost(String segment, String host) {
        @JsonCreator
        static SegmentHost bind(@JsonProperty("segment") String segment, @JsonProperty("host") String host) {
            return new SegmentHost(required("segment", segment), required("host", host));
        }
    }

    /** list-notifications. */
    record ListNotifications(int limit) {
        @JsonCreator
        static ListNotifications bind(@JsonProperty("limit") Long limit) {
            return new ListNotifications(range("limit", limit == null ? 20 : limit, 1, 1000));
        }
    }

    private static String required(String key, String value) {
        return text(key, value).orElseThrow(() -> fail(key, "is required"));
    }

    /** A one-line text of at most {@value #MAX_TEXT} characters; blank is unset. */
    private static Optional<String> text(String key, String value) {
        Optional<String> text =
                Optional.ofNullable(value).filter(v -> !v.isBlank()).map(String::strip);
        if (text.isPresent()
                && (text.get().length() > MAX_TEXT || text.get().chars().anyMatch(Character::isISOControl))) {
            throw fail(key, "must be one line of at most " + MAX_TEXT + " characters, not " + Shown.value(text.get()));
        }
        return text;
    }

    /** The range is this charm's; the type was checked by ops. Checked as a long, before narrowing. */
    private static int range(String key, long n, int min, int max) {
        if (n < min || n > max) {
            throw fail(
                    key,
                    "must be a whole number between " + min + " and " + max + ", not "
                            + Shown.value(String.valueOf(n)));
        }
        return (int) n;
    }

    private static ActionFailedException fail(String key, String problem) {
        return new ActionFailedException("parameter '" + key + "' " + problem);
    }
}
