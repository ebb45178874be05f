package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftMeasurement;
import java.util.Locale;

/**
 * Evidently's normed Wasserstein distance: scipy's {@code wasserstein_distance} (the area between
 * the two ECDFs, the integral of |F - G|) divided by the reference's population standard deviation,
 * at least 0.001 so that a constant reference does not divide by zero. From a sketch the ECDF is
 * the sketch's weighted sample.
 */
final class Wasserstein {

    /** Evidently's floor for the divisor. */
    static final double MIN_NORM = 0.001;

    private Wasserstein() {
    }

    static DriftMeasurement measure(EmpiricalDistribution reference, EmpiricalDistribution current,
                                    double referenceStd, double threshold) {
        double distance = distance(reference, current);
        double norm = Math.max(referenceStd, MIN_NORM);
        return DriftMeasurement.of(DriftMethod.WASSERSTEIN_NORMED, distance / norm, threshold,
                SharedBins.basisOf(reference, current),
                String.format(Locale.ROOT, "W1 = %.6g over a reference standard deviation of %.6g", distance, norm));
    }

    static double distance(EmpiricalDistribution a, EmpiricalDistribution b) {
        double[] points = EmpiricalDistribution.union(a, b);
        double area = 0;
        for (int i = 0; i < points.length - 1; i++) {
            area += Math.abs(a.cdf(points[i]) - b.cdf(points[i])) * (points[i + 1] - points[i]);
        }
        return area;
    }
}
