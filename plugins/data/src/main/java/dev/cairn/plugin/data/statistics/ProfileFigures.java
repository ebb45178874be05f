package dev.cairn.plugin.data.statistics;

import dev.cairn.api.data.FeatureType;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.Histogram;
import dev.cairn.plugin.data.profile.ValueCount;
import java.util.List;
import java.util.Optional;

/** What the pages and the REST API chart for a column: one choice, so both say the same. */
final class ProfileFigures {

    /** Bins of a sparkline and of the REST histogram. */
    static final int SPARKLINE_BINS = 20;
    /** Bins of the column page's chart. */
    static final int CHART_BINS = 30;
    /** Categories on the column page's chart and in the REST answer. */
    static final int TOP_VALUES = 20;

    private ProfileFigures() {
    }

    /** Numbers get a histogram; everything else its top values. */
    static boolean numeric(ColumnProfile column) {
        return (column.type() == FeatureType.INTEGER || column.type() == FeatureType.DECIMAL) && column.histogram(1).isPresent();
    }

    static Optional<Histogram> histogram(ColumnProfile column, int bins) {
        return numeric(column) ? column.histogram(bins) : Optional.empty();
    }

    /** The counts a row's sparkline shows: the histogram for numbers, else the top values' counts. */
    static long[] sparkline(ColumnProfile column) {
        Optional<Histogram> histogram = histogram(column, SPARKLINE_BINS);
        if (histogram.isPresent()) {
            return histogram.get().counts();
        }
        List<ValueCount> top = column.topValues(SPARKLINE_BINS);
        return top.stream().mapToLong(ValueCount::count).toArray();
    }

    static String sparklineLabel(ColumnProfile column) {
        return numeric(column) ? "Histogram of " + column.name() + " in " + SPARKLINE_BINS + " equal-width bins"
                : "Counts of the most frequent values of " + column.name();
    }
}
