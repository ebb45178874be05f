package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftMeasurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * TFDV's approximate Jensen-Shannon divergence (anomalies/metrics.cc), log base 2, capped at 1.
 * For numbers each side gets TFDV's standard histogram (ten equal-width buckets from its own
 * minimum to its own maximum; a constant column is one point bucket), then the two are aligned as
 * TFDV aligns them: point buckets set aside, every bucket cut at the union of both sides'
 * boundaries with its count spread evenly over its width, the point masses added back as buckets
 * of their own. For categories it is the divergence of the category shares.
 */
final class TfdvJensenShannon {

    /** TFDV's {@code num_histogram_buckets} default. */
    static final int BUCKETS = 10;

    private TfdvJensenShannon() {
    }

    static DriftMeasurement numeric(EmpiricalDistribution reference, EmpiricalDistribution current, double threshold) {
        List<Bucket> ref = standardHistogram(reference);
        List<Bucket> cur = standardHistogram(current);
        double[][] aligned = align(ref, cur);
        double divergence = divergence(aligned[0], aligned[1]);
        return DriftMeasurement.of(DriftMethod.APPROXIMATE_JS_DIVERGENCE, divergence, threshold,
                SharedBins.basisOf(reference, current),
                String.format(Locale.ROOT, "over %d aligned buckets of two %d-bucket histograms", aligned[0].length,
                        BUCKETS));
    }

    static DriftMeasurement categorical(SharedBins bins, double threshold) {
        return DriftMeasurement.of(DriftMethod.APPROXIMATE_JS_DIVERGENCE, divergence(bins.reference, bins.current),
                threshold, bins.basis, String.format(Locale.ROOT, "over %d categories", bins.size()));
    }

    record Bucket(double low, double high, double count) {
        boolean point() {
            return low == high;
        }
    }

    static List<Bucket> standardHistogram(EmpiricalDistribution column) {
        if (column.min() == column.max()) {
            return List.of(new Bucket(column.min(), column.max(), column.total()));
        }
        SharedBins counted = SharedBins.equalWidth(column, column, SharedBins.linspace(column.min(), column.max(),
                BUCKETS));
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            buckets.add(new Bucket(counted.lows[i], counted.highs[i], counted.reference[i]));
        }
        return buckets;
    }

    /** Both histograms on common buckets: the cut ranges first, then one bucket per point mass. */
    static double[][] align(List<Bucket> first, List<Bucket> second) {
        TreeSet<Double> boundaries = new TreeSet<>();
        TreeMap<Double, double[]> points = new TreeMap<>();
        for (int side = 0; side < 2; side++) {
            for (Bucket bucket : side == 0 ? first : second) {
                if (bucket.point()) {
                    points.computeIfAbsent(bucket.low(), key -> new double[2])[side] += bucket.count();
                } else {
                    boundaries.add(bucket.low());
                    boundaries.add(bucket.high());
                }
            }
        }
        Double[] edges = boundaries.toArray(new Double[0]);
        int ranges = Math.max(0, edges.length - 1);
        double[][] aligned = new double[2][ranges + points.size()];
        for (int side = 0; side < 2; side++) {
            for (Bucket bucket : side == 0 ? first : second) {
                if (bucket.point()) {
                    continue;
                }
                for (int i = 0; i < ranges; i++) {
                    if (edges[i] >= bucket.low() && edges[i + 1] <= bucket.high()) {
                        aligned[side][i] += bucket.count() * (edges[i + 1] - edges[i]) / (bucket.high() - bucket.low());
                    }
                }
            }
        }
        int index = ranges;
        for (double[] mass : points.values()) {
            aligned[0][index] = mass[0];
            aligned[1][index] = mass[1];
            index++;
        }
        return aligned;
    }

    /** (KL(P || M) + KL(Q || M)) / 2 with M = (P + Q) / 2, log base 2, capped at 1 as TFDV caps it. */
    static double divergence(double[] first, double[] second) {
        double totalFirst = 0;
        double totalSecond = 0;
        for (int i = 0; i < first.length; i++) {
            totalFirst += first[i];
            totalSecond += second[i];
        }
        double sum = 0;
        for (int i = 0; i < first.length; i++) {
            double p = first[i] / totalFirst;
            double q = second[i] / totalSecond;
            double m = (p + q) / 2;
            if (p > 0) {
                sum += p * log2(p / m);
            }
            if (q > 0) {
                sum += q * log2(q / m);
            }
        }
        return Math.min(sum / 2, 1.0);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
