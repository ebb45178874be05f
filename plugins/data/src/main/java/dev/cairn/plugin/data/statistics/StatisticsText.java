package dev.cairn.plugin.data.statistics;

import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.Estimate;
import dev.cairn.plugin.data.profile.ValueCount;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the statistics pages write figures: the same words for exact and estimated everywhere. */
final class StatisticsText {

    /** Top values shown per row of the column table. */
    static final int TOP_IN_TABLE = 3;

    private StatisticsText() {
    }

    /** A count, exact as is, estimated with "≈" and said so for a screen reader. */
    static String estimate(Estimate estimate, String how) {
        return estimate.exact() ? String.format(Locale.ROOT, "%,d", estimate.value())
                : String.format(Locale.ROOT, "≈ %,d (%s)", estimate.value(), how);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Missing as a count and a share of the rows. */
    static String missing(ColumnProfile column, long rows) {
        return rows == 0 ? count(column.missing()) : String.format(Locale.ROOT, "%,d (%.1f%%)", column.missing(), 100.0 * column.missing() / rows);
    }

    /** A number to four significant digits without trailing zeros (whole numbers as they are), blank for NaN (no finite value). */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros();
        return Math.abs(value) >= 1e-4 && Math.abs(value) < 1e9 ? rounded.toPlainString() : rounded.toString();
    }

    static String share(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** The first few top values with their counts, "≈" on estimated ones. */
    static String topValues(List<ValueCount> values) {
        return values.stream().map(v -> "'" + v.value() + "' " + (v.exact() ? "" : "≈") + count(v.count()))
                .collect(Collectors.joining(", "));
    }
}
