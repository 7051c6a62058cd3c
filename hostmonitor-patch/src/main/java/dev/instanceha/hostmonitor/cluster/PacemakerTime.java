package dev.instanceha.hostmonitor.cluster;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time stamps pacemaker 2.0–3.0 writes into crm_mon and stonith_admin XML
 * ({@code fence_event completed}, {@code failure last-rc-change}, {@code operation_history last-rc-change},
 * {@code last_update time}):
 * <ul>
 *   <li>{@code 2026-11-24 17:32:40Z} / {@code 2026-11-24 18:32:40 +01:00}: crm_time_as_string with date,
 *       time of day and zone (2.0.3 on; the zone is {@code Z} when the local offset is zero);</li>
 *   <li>the same with {@code .123456} after the seconds: fence events from 2.1.6 on (microseconds);</li>
 *   <li>{@code Tue Nov 24 17:32:40 2026}: ctime() in the local zone, no zone written (2.0.1/2.0.2 fence and
 *       failure times, and operation history and {@code last_update} in every version);</li>
 *   <li>ISO 8601 with {@code T}, epoch seconds (with or without a fraction), for other producers.</li>
 * </ul>
 * Anything else reads as empty: callers must treat an empty time as unknown, never as a confirmation.
 */
public final class PacemakerTime {

    // date, ' ' or 'T', time, optional fraction, optional zone: Z, or [+-]HH[:MM[:SS]] / [+-]HHMM, with or without a
    // blank before it
    private static final Pattern NUMERIC =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?"
                    + "(?:\\s*(Z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?))?");
    private static final Pattern CTIME =
            Pattern.compile("[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})");
    private static final Pattern EPOCH = Pattern.compile("(\\d+)(?:\\.(\\d{1,9}))?");
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    private PacemakerTime() {}

    /**
     * @param localZone the zone crm_mon ran in, for the forms that carry none (ctime; a zone-less ISO
     *                  time, which pacemaker's own parser also reads as local)
     */
    public static Optional<Instant> parse(String text, ZoneId localZone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            Matcher m = EPOCH.matcher(t);
            if (m.matches()) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)), nanos(m.group(2))));
            }
            m = NUMERIC.matcher(t);
            if (m.matches()) {
                LocalDateTime local = LocalDateTime.of(
                        LocalDate.of(num(m, 1), num(m, 2), num(m, 3)),
                        LocalTime.of(num(m, 4), num(m, 5), num(m, 6), nanos(m.group(7))));
                String zone = m.group(8);
                return Optional.of(zone == null ? local.atZone(localZone).toInstant() : local.toInstant(offset(zone)));
            }
            m = CTIME.matcher(t);
            if (m.matches()) {
                int month = MONTHS.indexOf(m.group(1)) + 1;
                if (month == 0) {
                    return Optional.empty();
                }
                LocalDateTime local = LocalDateTime.of(num(m, 6), month, num(m, 2), num(m, 3), num(m, 4), num(m, 5));
                return Optional.of(local.atZone(localZone).toInstant());
            }
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        int seconds = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** ".5" is half a second: the digits are a decimal fraction, padded to nanoseconds. */
    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
