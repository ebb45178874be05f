package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftMeasurement;
import dev.cairn.api.data.drift.Basis;
import java.util.Locale;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Two-sample Kolmogorov-Smirnov, two-sided, as scipy's {@code ks_2samp} (what Evidently calls):
 * D = max |F(x) - G(x)| over every value, with right-continuous ECDFs, so that ties count as
 * scipy counts them. With both columns' values (at most 1,000 each) the p-value is exact, as
 * scipy's "auto" picks for such sizes. With a sketch on either side the p-value is asymptotic
 * (scipy's: the one-sample Kolmogorov distribution at n = round(m n / (m + n)), from commons-math3),
 * and D first loses the sketches' rank error, because at a million rows a 1% error alone would
 * read as drift; small shifts are missed, which the detail says.
 */
final class KolmogorovSmirnov {

    private static final KolmogorovSmirnovTest KOLMOGOROV = new KolmogorovSmirnovTest();

    private KolmogorovSmirnov() {
    }

    static DriftMeasurement measure(EmpiricalDistribution reference, EmpiricalDistribution current, double threshold) {
        int m = (int) Math.min(reference.total(), Integer.MAX_VALUE);
        int n = (int) Math.min(current.total(), Integer.MAX_VALUE);
        if (reference.exact() && current.exact()) {
            long g = SmirnovExactP.gcd(m, n);
            long lcm = (m / g) * n;
            long h = scaledStatistic(reference, current, lcm);
            double d = (double) h / lcm;
            double p = SmirnovExactP.pValue(h, m, n);
            if (!Double.isNaN(p)) {
                return DriftMeasurement.of(DriftMethod.KOLMOGOROV_SMIRNOV, p, threshold, Basis.EXACT_VALUES,
                        String.format(Locale.ROOT, "D = %.4f, exact p-value over %d and %d values", d, m, n));
            }
            return asymptotic(d, d, m, n, threshold, Basis.EXACT_VALUES, "");
        }
        double d = statistic(reference, current);
        double allowance = reference.rankError() + current.rankError();
        double adjusted = Math.max(0, d - allowance);
        return asymptotic(d, adjusted, m, n, threshold, Basis.SKETCH, String.format(Locale.ROOT,
                "; the sketches' rank error (%.4f) was taken off D, so shifts smaller than that are not seen",
                allowance));
    }

    private static DriftMeasurement asymptotic(double d, double tested, int m, int n, double threshold, Basis basis,
                                               String note) {
        double p = asymptoticPValue(tested, m, n);
        return DriftMeasurement.of(DriftMethod.KOLMOGOROV_SMIRNOV, p, threshold, basis,
                String.format(Locale.ROOT, "D = %.4f, asymptotic p-value over %d and %d values%s", d, m, n, note));
    }

    /**
     * Below this sqrt(n) D the Kolmogorov distribution's survival function is 1 to within 1e-12
     * (its CDF there is sqrt(2 pi) / x exp(-pi^2 / (8 x^2)) at most), and commons-math3's Pelz-Good
     * series does not converge for x between about 0.001 and 0.04.
     */
    static final double NEGLIGIBLE_SCALED_STATISTIC = 0.2;

    /** scipy's asymptotic two-sided p-value: kstwo.sf(d, round(m n / (m + n))). */
    static double asymptoticPValue(double d, int m, int n) {
        double en = (double) m * n / ((double) m + n);
        int effective = (int) Math.max(1, Math.rint(en));
        if (d * Math.sqrt(effective) < NEGLIGIBLE_SCALED_STATISTIC) {
            return 1.0;
        }
        return Math.min(1, Math.max(0, 1 - KOLMOGOROV.cdf(d, effective)));
    }

    /** D for weighted (sketch) distributions. */
    static double statistic(EmpiricalDistribution a, EmpiricalDistribution b) {
        double d = 0;
        for (double x : EmpiricalDistribution.union(a, b)) {
            d = Math.max(d, Math.abs(a.cdf(x) - b.cdf(x)));
        }
        return d;
    }

    /** D times lcm(m, n), exactly in integers (F = i / m and G = j / n are multiples of 1 / lcm). */
    private static long scaledStatistic(EmpiricalDistribution a, EmpiricalDistribution b, long lcm) {
        long perA = lcm / a.total();
        long perB = lcm / b.total();
        long h = 0;
        for (double x : EmpiricalDistribution.union(a, b)) {
            h = Math.max(h, Math.abs(a.weightAtOrBelow(x) * perA - b.weightAtOrBelow(x) * perB));
        }
        return h;
    }
}
