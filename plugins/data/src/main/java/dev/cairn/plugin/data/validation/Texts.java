package dev.cairn.plugin.data.validation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** How numbers, shares and values are written in anomaly descriptions (the same everywhere). */
final class Texts {

    private Texts() {
    }

    /** 250.0 as "250", 0.1 as "0.1": no trailing zeros, no exponent. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    static String range(Double min, Double max) {
        return "[" + (min == null ? "-inf" : number(min)) + ", " + (max == null ? "inf" : number(max)) + "]";
    }

    /** A share with up to four decimals (0.9167), as TFDV prints fractions. */
    static String share(double share) {
        return number(new BigDecimal(share).setScale(4, java.math.RoundingMode.HALF_EVEN).doubleValue());
    }

    static String quotedList(Collection<String> values) {
        return values.stream().sorted().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }

    static String rows(long count) {
        return count == 1 ? "1 row" : String.format(Locale.ROOT, "%d rows", count);
    }
}
