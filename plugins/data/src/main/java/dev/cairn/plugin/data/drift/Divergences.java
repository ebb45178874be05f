package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftMeasurement;
import dev.cairn.api.data.drift.PsiReading;
import java.util.Locale;

/**
 * The distances between two binned distributions: Jensen-Shannon distance and PSI as Evidently
 * computes them (natural logarithm; PSI replaces empty bins by a small share first, Jensen-Shannon
 * does not), and TFDV's L-infinity distance of category shares.
 */
final class Divergences {

    /** Evidently's share for an empty bin, unless a smaller share exists (then that over 10^6). */
    static final double EMPTY_BIN_SHARE = 0.0001;

    private Divergences() {
    }

    /** scipy's {@code distance.jensenshannon(reference, current)}: sqrt of the divergence, natural log. */
    static DriftMeasurement jensenShannonDistance(SharedBins bins, double threshold) {
        double[] p = normalised(bins.referenceShares());
        double[] q = normalised(bins.currentShares());
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            divergence += relativeEntropy(p[i], m) + relativeEntropy(q[i], m);
        }
        double distance = Math.sqrt(Math.max(0, divergence / 2));
        return DriftMeasurement.of(DriftMethod.JENSEN_SHANNON_DISTANCE, distance, threshold, bins.basis,
                String.format(Locale.ROOT, "over %d bins", bins.size()));
    }

    /**
     * Evidently's PSI: the sum of (r - c) ln(r / c) over the bins, empty bins first given a share of
     * 0.0001 (or the side's smallest share over 10^6 when that is smaller). The detail gives the
     * usual reading: below 0.1 stable, to 0.25 watch, from 0.25 act.
     */
    static DriftMeasurement psi(SharedBins bins, double threshold) {
        double[] r = withEmptyBinsFilled(bins.referenceShares());
        double[] c = withEmptyBinsFilled(bins.currentShares());
        double psi = 0;
        for (int i = 0; i < r.length; i++) {
            psi += (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        return DriftMeasurement.of(DriftMethod.PSI, psi, threshold, bins.basis,
                String.format(Locale.ROOT, "%s; over %d bins", PsiReading.of(psi).description(), bins.size()));
    }

    /** TFDV's L-infinity distance: the largest |share in reference - share now| of any category. */
    static DriftMeasurement lInfinity(SharedBins bins, double threshold) {
        double[] r = bins.referenceShares();
        double[] c = bins.currentShares();
        double largest = 0;
        String category = null;
        for (int i = 0; i < r.length; i++) {
            double difference = Math.abs(r[i] - c[i]);
            if (difference >= largest) {
                largest = difference;
                category = bins.labels.get(i);
            }
        }
        return DriftMeasurement.of(DriftMethod.L_INFINITY, largest, threshold, bins.basis,
                "the category with the largest difference: '" + category + "'");
    }

    static double[] withEmptyBinsFilled(double[] shares) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double share : shares) {
            if (share > 0) {
                smallest = Math.min(smallest, share);
            }
        }
        double filler = smallest <= EMPTY_BIN_SHARE ? smallest / 1e6 : EMPTY_BIN_SHARE;
        double[] filled = shares.clone();
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] == 0) {
                filled[i] = filler;
            }
        }
        return filled;
    }

    private static double[] normalised(double[] shares) {
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        double[] result = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            result[i] = shares[i] / total;
        }
        return result;
    }

    private static double relativeEntropy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }
}
