package dev.cairn.plugin.data.profile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The non-numeric kinds a field can be: booleans and ISO-8601 timestamps. */
final class ValueKinds {

    private ValueKinds() {
    }

    /** true, false, yes and no in any case; 0 and 1 are numbers (as TFDV sees them). */
    static boolean isBoolean(String field) {
        int length = field.length();
        return switch (length) {
            case 2 -> field.equalsIgnoreCase("no");
            case 3 -> field.equalsIgnoreCase("yes");
            case 4 -> field.equalsIgnoreCase("true");
            case 5 -> field.equalsIgnoreCase("false");
            default -> false;
        };
    }

    /**
     * The instant of an ISO-8601 date (2024-05-31), local date-time (2024-05-31T08:15[:30[.123]],
     * also with a space for the T) or offset date-time (...Z, ...+02:00), in epoch milliseconds;
     * local values are read as UTC. {@link Long#MIN_VALUE} when the field is none of these. The
     * shape is checked before java.time parses, so text fields cost no exception.
     */
    static long timestampMillis(String field) {
        int length = field.length();
        if (length < 10 || length > 35 || field.charAt(4) != '-' || field.charAt(7) != '-'
                || !digits(field, 0, 4) || !digits(field, 5, 7) || !digits(field, 8, 10)) {
            return Long.MIN_VALUE;
        }
        try {
            if (length == 10) {
                return LocalDate.parse(field).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            char separator = field.charAt(10);
            if (separator != 'T' && separator != ' ') {
                return Long.MIN_VALUE;
            }
            String iso = separator == ' ' ? field.substring(0, 10) + 'T' + field.substring(11) : field;
            char last = iso.charAt(iso.length() - 1);
            boolean offset = last == 'Z' || last == 'z' || iso.indexOf('+', 11) > 0 || iso.indexOf('-', 11) > 0;
            return offset ? OffsetDateTime.parse(iso.replace('z', 'Z')).toInstant().toEpochMilli()
                    : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException notATimestamp) {
            return Long.MIN_VALUE;
        }
    }

    private static boolean digits(String field, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
