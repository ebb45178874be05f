package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.CategoricalDistribution;
import dev.cairn.api.data.drift.Basis;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Both columns counted on the same bins: one bin per category (or per distinct number), or
 * equal-width bins over both columns' range. What Evidently's {@code get_binned_data} produces
 * for chi-squared, the Z-test, Jensen-Shannon and PSI, and what the overlaid chart draws.
 */
final class SharedBins {

    /** Evidently bins a number by its values up to this many distinct reference values. */
    static final int MAX_DISTINCT_FOR_VALUE_BINS = 20;

    final List<String> labels;
    /** Lower and upper edge per bin for numeric ranges; null for value bins. */
    final double[] lows;
    final double[] highs;
    final double[] reference;
    final double[] current;
    final double referenceTotal;
    final double currentTotal;
    final Basis basis;

    private SharedBins(List<String> labels, double[] lows, double[] highs, double[] reference, double[] current,
                       Basis basis) {
        this.labels = List.copyOf(labels);
        this.lows = lows;
        this.highs = highs;
        this.reference = reference;
        this.current = current;
        this.referenceTotal = sum(reference);
        this.currentTotal = sum(current);
        this.basis = basis;
    }

    /** One bin per category seen on either side, in name order. */
    static SharedBins categories(CategoricalDistribution reference, CategoricalDistribution current) {
        TreeSet<String> keys = new TreeSet<>(reference.counts().keySet());
        keys.addAll(current.counts().keySet());
        List<String> labels = new ArrayList<>(keys);
        double[] ref = new double[labels.size()];
        double[] cur = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            ref[i] = reference.counts().getOrDefault(labels.get(i), 0L);
            cur[i] = current.counts().getOrDefault(labels.get(i), 0L);
        }
        return new SharedBins(labels, null, null, ref, cur, Basis.CATEGORY_COUNTS);
    }

    /** One bin per distinct number seen on either side, ascending. */
    static SharedBins distinctValues(EmpiricalDistribution reference, EmpiricalDistribution current) {
        double[] values = EmpiricalDistribution.union(reference, current);
        List<String> labels = new ArrayList<>(values.length);
        double[] ref = new double[values.length];
        double[] cur = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            labels.add(format(values[i]));
            ref[i] = reference.weightAt(values[i]);
            cur[i] = current.weightAt(values[i]);
        }
        return new SharedBins(labels, values, values, ref, cur, basisOf(reference, current));
    }

    /**
     * Evidently's binning of a number: by value when the reference has at most 20 distinct values,
     * else Sturges' rule over both columns together (numpy's {@code histogram_bin_edges(combined,
     * "sturges")}: ceil(log2(n) + 1) equal-width bins from the smallest to the largest value).
     */
    static SharedBins evidently(EmpiricalDistribution reference, EmpiricalDistribution current) {
        if (reference.distinctCount() <= MAX_DISTINCT_FOR_VALUE_BINS) {
            return distinctValues(reference, current);
        }
        double min = Math.min(reference.min(), current.min());
        double max = Math.max(reference.max(), current.max());
        long n = reference.total() + current.total();
        double width = (max - min) / (log2(n) + 1.0);
        int bins = (int) Math.ceil((max - min) / width);
        return equalWidth(reference, current, linspace(min, max, bins));
    }

    /** Counts on the given ascending edges: [e0, e1), ..., [e(k-1), ek] (the last bin closed, as numpy). */
    static SharedBins equalWidth(EmpiricalDistribution reference, EmpiricalDistribution current, double[] edges) {
        int bins = edges.length - 1;
        List<String> labels = new ArrayList<>(bins);
        double[] lows = new double[bins];
        double[] highs = new double[bins];
        double[] ref = new double[bins];
        double[] cur = new double[bins];
        for (int i = 0; i < bins; i++) {
            lows[i] = edges[i];
            highs[i] = edges[i + 1];
            boolean last = i == bins - 1;
            labels.add("[" + format(edges[i]) + ", " + format(edges[i + 1]) + (last ? "]" : ")"));
            ref[i] = countIn(reference, edges[i], edges[i + 1], last);
            cur[i] = countIn(current, edges[i], edges[i + 1], last);
        }
        return new SharedBins(labels, lows, highs, ref, cur, basisOf(reference, current));
    }

    private static double countIn(EmpiricalDistribution column, double low, double high, boolean closed) {
        long upTo = closed ? column.weightAtOrBelow(high) : column.weightBelow(high);
        return upTo - column.weightBelow(low);
    }

    /** numpy's linspace: start + i * step, the last edge exactly the stop. */
    static double[] linspace(double start, double stop, int bins) {
        double[] edges = new double[bins + 1];
        double step = (stop - start) / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = i * step + start;
        }
        edges[bins] = stop;
        return edges;
    }

    /** log2 exact for powers of two (numpy's is; Math.log(n) / Math.log(2) may miss by an ulp there). */
    static double log2(long n) {
        if (Long.bitCount(n) == 1) {
            return Long.numberOfTrailingZeros(n);
        }
        return Math.log(n) / Math.log(2.0);
    }

    static Basis basisOf(EmpiricalDistribution reference, EmpiricalDistribution current) {
        return reference.exact() && current.exact() ? Basis.EXACT_VALUES : Basis.SKETCH;
    }

    int size() {
        return labels.size();
    }

    double[] referenceShares() {
        return shares(reference, referenceTotal);
    }

    double[] currentShares() {
        return shares(current, currentTotal);
    }

    private static double[] shares(double[] counts, double total) {
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] / total;
        }
        return shares;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(java.util.Locale.ROOT, "%.6g", value);
    }
}
