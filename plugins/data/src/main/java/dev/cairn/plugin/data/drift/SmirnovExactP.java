package dev.cairn.plugin.data.drift;

/**
 * The exact two-sided p-value of the two-sample Kolmogorov-Smirnov statistic, for samples small
 * enough to keep (at most 1,000 values each): the share of lattice paths from (0, 0) to (m, n) that
 * leave the band |x/m - y/n| < d. commons-math3 3.6.1's {@code exactP} counts the paths in doubles
 * and returns NaN from 600 x 600 on (the counts overflow), so this follows the published recursions scipy's
 * {@code ks_2samp(method="exact")} uses: for m = n the alternating binomial series of Gnedenko and
 * Korolyuk in Horner form; otherwise Hodges' inside method computed for 1 - p directly as Viehmann
 * (arXiv 2102.08037) proposes, which keeps the numbers in range.
 */
final class SmirnovExactP {

    private SmirnovExactP() {
    }

    /**
     * The p-value for the statistic {@code h / lcm(m, n)} (h an integer: the statistic is a multiple
     * of 1 / lcm), or NaN when the recursion leaves [0, 1] and the caller should fall back to the
     * asymptotic distribution (as scipy does).
     */
    static double pValue(long h, int m, int n) {
        if (h == 0) {
            return 1.0;
        }
        double p = m == n ? outsideSquare(n, h) : outsideBand(m, n, h);
        return Double.isFinite(p) && p >= 0 && p <= 1 ? p : Double.NaN;
    }

    /** Pr(D(n, n) >= h / n) = 2 (A0 (1 - A1 (1 - A2 (...)))), each Ai a ratio of h factors. */
    private static double outsideSquare(int n, long h) {
        double p = 0;
        for (long k = n / h; k >= 0; k--) {
            double term = 1.0;
            for (long j = 0; j < h; j++) {
                term = (n - k * h - j) * term / (n + k * h + j + 1);
            }
            p = term * (1.0 - p);
        }
        return 2 * p;
    }

    /**
     * 1 - (paths staying strictly inside |n x / g - m y / g| < h) / C(m + n, n), one column of the
     * lattice at a time over a sliding window of y, each entry already divided by the binomial
     * coefficient so that it stays a probability.
     */
    private static double outsideBand(int first, int second, long h) {
        int m = Math.max(first, second);
        int n = Math.min(first, second);
        long g = gcd(m, n);
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min(ceilDiv(h, mg), n + 1);
        int curlen = maxj - minj;
        int length = Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[length];
        java.util.Arrays.fill(a, 1.0);
        for (int j = minj; j < maxj; j++) {
            a[j] = 0.0;
        }
        for (int i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double value = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                value = (a[jj + minj - lastminj] * i + value * j) / (i + j);
                a[jj] = value;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                for (int k = maxj - minj; k < maxj - minj + (lastlen - curlen); k++) {
                    a[k] = 1.0;
                }
            }
        }
        return a[maxj - minj - 1];
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
