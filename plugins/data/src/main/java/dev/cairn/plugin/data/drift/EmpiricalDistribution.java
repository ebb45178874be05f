package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.NumericDistribution;
import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * A column as a weighted step function: its distinct values in ascending order with the number of
 * values at or below each. From the exact values every weight is one value; from a KLL sketch the
 * retained items carry the weights the sketch gives them, which is what makes a sketch an
 * approximate sample (Wasserstein, Kolmogorov-Smirnov and the histograms all read this one form).
 */
final class EmpiricalDistribution {

    private final double[] values;
    private final long[] cumulative;
    private final long total;
    private final boolean exact;
    private final double rankError;
    private final double min;
    private final double max;

    private EmpiricalDistribution(double[] values, long[] cumulative, boolean exact, double rankError, double min,
                                  double max) {
        this.values = values;
        this.min = min;
        this.max = max;
        this.cumulative = cumulative;
        this.total = cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
        this.exact = exact;
        this.rankError = rankError;
    }

    static EmpiricalDistribution of(NumericDistribution column) {
        if (column.hasExactValues()) {
            double[] sorted = column.exactValues();
            Arrays.sort(sorted);
            long[] ranks = new long[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                ranks[i] = i + 1;
            }
            return sorted.length == 0 ? new EmpiricalDistribution(new double[0], new long[0], true, 0, Double.NaN,
                    Double.NaN) : compress(sorted, ranks, true, 0, sorted[0], sorted[sorted.length - 1]);
        }
        KllDoublesSketch sketch = NumericSketches.read(column);
        if (sketch.isEmpty()) {
            return new EmpiricalDistribution(new double[0], new long[0], false, 0, Double.NaN, Double.NaN);
        }
        DoublesSortedView view = sketch.getSortedView();
        // The sketch keeps the true extremes even when no retained item is one of them.
        return compress(view.getQuantiles(), view.getCumulativeWeights(), false, sketch.getNormalizedRankError(false),
                sketch.getMinItem(), sketch.getMaxItem());
    }

    /** Keeps the last cumulative weight of each run of equal values. */
    private static EmpiricalDistribution compress(double[] sorted, long[] ranks, boolean exact, double rankError,
                                                  double min, double max) {
        int distinct = 0;
        double[] values = new double[sorted.length];
        long[] cumulative = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            if (distinct > 0 && values[distinct - 1] == sorted[i]) {
                cumulative[distinct - 1] = ranks[i];
            } else {
                values[distinct] = sorted[i];
                cumulative[distinct] = ranks[i];
                distinct++;
            }
        }
        return new EmpiricalDistribution(Arrays.copyOf(values, distinct), Arrays.copyOf(cumulative, distinct), exact,
                rankError, min, max);
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** Whether every value is known (not a sketch's sample). */
    boolean exact() {
        return exact;
    }

    /** The sketch's normalised rank error (0 for exact values). */
    double rankError() {
        return rankError;
    }

    long total() {
        return total;
    }

    /** The smallest value (exact also for a sketch, which keeps it). */
    double min() {
        return min;
    }

    /** The largest value (exact also for a sketch). */
    double max() {
        return max;
    }

    /** The distinct values seen (for a sketch: among the items it retains), ascending. */
    double[] distinctValues() {
        return values.clone();
    }

    int distinctCount() {
        return values.length;
    }

    /** Weight of the values at or below {@code x}. */
    long weightAtOrBelow(double x) {
        int index = Arrays.binarySearch(values, x);
        int last = index >= 0 ? index : -index - 2;
        return last < 0 ? 0 : cumulative[last];
    }

    /** Weight of the values strictly below {@code x}. */
    long weightBelow(double x) {
        int index = Arrays.binarySearch(values, x);
        int last = index >= 0 ? index - 1 : -index - 2;
        return last < 0 ? 0 : cumulative[last];
    }

    /** Weight of the values equal to {@code x}. */
    long weightAt(double x) {
        return weightAtOrBelow(x) - weightBelow(x);
    }

    /** Fraction of the values at or below {@code x} (the right-continuous ECDF). */
    double cdf(double x) {
        return (double) weightAtOrBelow(x) / total;
    }

    /** The union of both sides' distinct values, ascending. */
    static double[] union(EmpiricalDistribution a, EmpiricalDistribution b) {
        double[] all = new double[a.values.length + b.values.length];
        System.arraycopy(a.values, 0, all, 0, a.values.length);
        System.arraycopy(b.values, 0, all, a.values.length, b.values.length);
        return Arrays.stream(all).sorted().distinct().toArray();
    }
}
