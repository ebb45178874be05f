package dev.cairn.plugin.data.profile;

import java.lang.foreign.MemorySegment;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

import dev.cairn.api.data.FeatureType;

/**
 * The statistics of one column, read from a finished profile. Numbers are the values that parsed
 * as numbers (whatever the inferred type); text statistics cover every present value.
 */
public final class ColumnProfile {

    /** The ranks a profile shows by default: the 1st, 5th, 25th, 50th, 75th, 95th and 99th percentile. */
    public static final double[] DEFAULT_RANKS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

    private final ColumnAccumulator column;
    private final FeatureType type;

    ColumnProfile(ColumnAccumulator column) {
        this.column = column;
        this.type = TypeInference.of(column);
    }

    public String name() {
        return column.name;
    }

    /** The inferred type (see {@link TypeInference} for the rules, in the ADR 0017 too). */
    public FeatureType type() {
        return type;
    }

    /** Rows with a value in this column. */
    public long count() {
        return column.present;
    }

    /** Rows whose field is empty, blank or one of the missing tokens. */
    public long missing() {
        return column.missing;
    }

    /** Distinct present values as written ("1.0" and "1" are two): exact up to the limit, else HLL. */
    public Estimate distinct() {
        return column.distinct.count();
    }

    /** Moments of the numeric values; empty when none parsed as a number. */
    public Optional<NumericSummary> numeric() {
        if (column.numbers == 0) {
            return Optional.empty();
        }
        Moments m = column.moments;
        boolean any = m.count > 0;
        return Optional.of(new NumericSummary(m.count, column.integers, any ? m.mean : Double.NaN, any ? m.std() : Double.NaN,
                any ? m.min : Double.NaN, any ? m.max : Double.NaN, column.nan, column.infinite));
    }

    public Optional<Quantiles> quantiles() {
        return quantiles(DEFAULT_RANKS);
    }

    /** Quantiles of the finite numeric values at the given ranks; empty when there are none. */
    public Optional<Quantiles> quantiles(double... ranks) {
        for (double rank : ranks) {
            if (!(rank >= 0 && rank <= 1)) {
                throw new IllegalArgumentException("a rank is between 0 and 1, not " + rank);
            }
        }
        if (column.moments.count == 0) {
            return Optional.empty();
        }
        double[] kept = column.keptValues();
        double[] asked = ranks.clone();
        if (kept != null) {
            Arrays.sort(kept);
            double[] values = new double[asked.length];
            for (int i = 0; i < asked.length; i++) {
                int index = (int) Math.ceil(asked[i] * kept.length) - 1;
                values[i] = kept[Math.max(0, Math.min(kept.length - 1, index))];
            }
            return Optional.of(new Quantiles(asked, values, true, 0));
        }
        return Optional.of(new Quantiles(asked, column.sketch.getQuantiles(asked, QuantileSearchCriteria.INCLUSIVE),
                false, column.sketch.getNormalizedRankError(false)));
    }

    /** {@code bins} equal-width bins between min and max; empty when no finite number was seen. */
    public Optional<Histogram> histogram(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram has at least one bin, not " + bins);
        }
        Moments m = column.moments;
        if (m.count == 0) {
            return Optional.empty();
        }
        int n = m.min == m.max ? 1 : bins;
        double[] edges = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            edges[i] = m.min + (m.max - m.min) * i / n;
        }
        edges[n] = m.max;
        long[] counts = new long[n];
        double[] kept = column.keptValues();
        if (kept != null) {
            for (double value : kept) {
                int bin = n == 1 ? 0 : (int) ((value - m.min) / (m.max - m.min) * n);
                counts[Math.min(n - 1, bin)]++;
            }
            return Optional.of(new Histogram(edges, counts, true));
        }
        double[] splits = Arrays.copyOfRange(edges, 1, n);
        double[] masses = column.sketch.getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
        for (int i = 0; i < n; i++) {
            counts[i] = Math.round(masses[i] * m.count);
        }
        return Optional.of(new Histogram(edges, counts, false));
    }

    /** The k most frequent values (past the limit: of the non-numeric values, estimated). */
    public List<ValueCount> topValues(int k) {
        return column.distinct.top(k);
    }

    /** 0 while the top values are exact, else the most an estimated frequency can be off. */
    public long topValuesMaximumError() {
        return column.distinct.maximumError();
    }

    /** Lengths of the present values; empty when there is none. */
    public Optional<StringLengths> lengths() {
        if (column.present == 0) {
            return Optional.empty();
        }
        return Optional.of(new StringLengths(column.minLength, (double) column.totalLength / column.present,
                column.maxLength));
    }

    /** Earliest and latest timestamp; empty when no value was one. */
    public Optional<TimestampRange> timestamps() {
        if (column.timestamps == 0) {
            return Optional.empty();
        }
        return Optional.of(new TimestampRange(Instant.ofEpochMilli(column.minTimestamp),
                Instant.ofEpochMilli(column.maxTimestamp)));
    }

    // What drift and skew comparisons read (package data.drift): the sketches themselves.

    /** A copy of the KLL sketch of the finite numeric values (empty when there were none). */
    public Optional<KllDoublesSketch> numericSketch() {
        if (column.sketch.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(KllDoublesSketch.heapify(MemorySegment.ofArray(column.sketch.toByteArray())));
    }

    /**
     * The finite numeric values themselves, in no particular order, while the column had at most
     * {@link ProfileOptions#exactValuesLimit()} of them (for exact tests on small references).
     */
    public Optional<double[]> exactValues() {
        return column.moments.count == 0 ? Optional.empty() : Optional.ofNullable(column.keptValues());
    }

    /**
     * Every distinct value with its exact count, most frequent first, while the column had at most
     * {@link ProfileOptions#exactDistinctLimit()} distinct values (the category counts that
     * chi-squared and Jensen-Shannon comparisons need).
     */
    public Optional<Map<String, Long>> exactCounts() {
        return Optional.ofNullable(column.distinct.exactCounts());
    }

    ColumnAccumulator accumulator() {
        return column;
    }
}
