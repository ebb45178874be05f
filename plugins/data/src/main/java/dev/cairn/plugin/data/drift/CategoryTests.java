package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftMeasurement;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * The p-value tests on counts, as Evidently computes them: chi-squared goodness of fit of the
 * current counts to the reference's shares, and the two-proportion Z-test. commons-math3 gives the
 * distributions; the statistics are written here because its {@code ChiSquareTest} refuses an
 * expected count of zero, which is exactly the case of a category new in the current data (scipy
 * then gives an infinite statistic and p = 0: drift, which is right).
 */
final class CategoryTests {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private CategoryTests() {
    }

    /**
     * scipy's {@code chisquare(f_obs=current, f_exp=reference * n_current / n_reference)}, k - 1
     * degrees of freedom. A single category on both sides has no degree of freedom: nothing can
     * have moved, p = 1 (scipy answers NaN there).
     */
    static DriftMeasurement chiSquared(SharedBins bins, double threshold) {
        double scale = bins.currentTotal / bins.referenceTotal;
        double statistic = 0;
        String newCategory = null;
        for (int i = 0; i < bins.size(); i++) {
            double expected = bins.reference[i] * scale;
            double observed = bins.current[i];
            if (expected == 0) {
                statistic = Double.POSITIVE_INFINITY;
                newCategory = newCategory == null ? bins.labels.get(i) : newCategory;
            } else {
                statistic += (observed - expected) * (observed - expected) / expected;
            }
        }
        int freedom = bins.size() - 1;
        double p;
        String detail;
        if (freedom == 0) {
            p = 1.0;
            detail = "one category on both sides";
        } else if (Double.isInfinite(statistic)) {
            p = 0.0;
            detail = "'" + newCategory + "' is absent from the reference, so its expected count is 0";
        } else {
            p = Gamma.regularizedGammaQ(freedom / 2.0, statistic / 2.0);
            detail = String.format(Locale.ROOT, "chi-squared = %.4f with %d degrees of freedom", statistic, freedom);
        }
        return DriftMeasurement.of(DriftMethod.CHI_SQUARED, p, threshold, bins.basis, detail);
    }

    /**
     * Evidently's Z-test: the share of rows other than the first value (in sorted order) compared
     * between the two sides with a pooled standard error, two-sided. Both sides holding the same
     * single value give p = 1.
     */
    static DriftMeasurement zTest(SharedBins bins, double threshold) {
        if (bins.size() == 1) {
            return DriftMeasurement.of(DriftMethod.Z_TEST, 1.0, threshold, bins.basis, "one value on both sides");
        }
        double n1 = bins.referenceTotal;
        double n2 = bins.currentTotal;
        double p1 = (n1 - bins.reference[0]) / n1;
        double p2 = (n2 - bins.current[0]) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double p = 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(z)));
        return DriftMeasurement.of(DriftMethod.Z_TEST, p, threshold, bins.basis, String.format(Locale.ROOT,
                "z = %.4f; share of values other than '%s': %.4f in the reference, %.4f now", z, bins.labels.get(0),
                p1, p2));
    }
}
