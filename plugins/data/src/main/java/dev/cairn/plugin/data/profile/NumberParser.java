package dev.cairn.plugin.data.profile;

/**
 * Recognises the numbers of a CSV field without exceptions: the profiler meets every cell, and
 * most of them are not worth a {@link NumberFormatException}. A field is a number when, after
 * surrounding spaces, it is an optional sign, digits with at most one decimal point (at least
 * one digit in all) and an optional exponent, or one of the tokens NaN and Infinity (inf), in any
 * case and with a sign. Thousands separators, hexadecimal and Java's {@code 1d}/{@code 1f}
 * suffixes are not numbers. Not thread-safe: one per column.
 */
final class NumberParser {

    static final int NOT_A_NUMBER = 0;
    /** Written as a whole number: digits only, no point and no exponent. */
    static final int INTEGER = 1;
    static final int DECIMAL = 2;
    static final int NAN = 3;
    static final int INFINITE = 4;

    /** Up to 10^15 the fast path is exact: the mantissa and the power of ten are exact doubles. */
    private static final int FAST_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = new double[FAST_DIGITS + 1];

    static {
        double power = 1;
        for (int i = 0; i <= FAST_DIGITS; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    /** The value of the last field that parsed as a number. */
    double value;
    /** What the last call returned. */
    int lastKind;

    int parse(String field) {
        return lastKind = classify(field);
    }

    private int classify(String field) {
        int start = 0;
        int end = field.length();
        while (start < end && field.charAt(start) == ' ') {
            start++;
        }
        while (end > start && field.charAt(end - 1) == ' ') {
            end--;
        }
        if (start == end) {
            return NOT_A_NUMBER;
        }
        int i = start;
        char first = field.charAt(i);
        boolean negative = first == '-';
        if (negative || first == '+') {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        boolean exponent = false;
        for (; i < end; i++) {
            char c = field.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                }
                digits++;
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else if ((c == 'e' || c == 'E') && digits > 0) {
                exponent = true;
                break;
            } else {
                return special(field, start, end);
            }
        }
        if (digits == 0) {
            return special(field, start, end);
        }
        if (exponent && !validExponent(field, i + 1, end)) {
            return NOT_A_NUMBER;
        }
        if (!exponent && digits <= FAST_DIGITS) {
            double magnitude = point ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
            value = negative ? -magnitude : magnitude;
        } else {
            value = Double.parseDouble(field.substring(start, end));
        }
        if (Double.isInfinite(value)) {
            return INFINITE;
        }
        return point || exponent ? DECIMAL : INTEGER;
    }

    private static boolean validExponent(String field, int from, int end) {
        int i = from;
        if (i < end && (field.charAt(i) == '+' || field.charAt(i) == '-')) {
            i++;
        }
        if (i == end) {
            return false;
        }
        for (; i < end; i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private int special(String field, int start, int end) {
        int length = end - start;
        if (length < 3 || length > 9) {
            return NOT_A_NUMBER;
        }
        int i = start;
        char first = field.charAt(i);
        boolean negative = first == '-';
        if (negative || first == '+') {
            i++;
        }
        length = end - i;
        if (length == 3 && field.regionMatches(true, i, "nan", 0, 3)) {
            value = Double.NaN;
            return NAN;
        }
        if ((length == 3 && field.regionMatches(true, i, "inf", 0, 3))
                || (length == 8 && field.regionMatches(true, i, "infinity", 0, 8))) {
            value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return INFINITE;
        }
        return NOT_A_NUMBER;
    }
}
