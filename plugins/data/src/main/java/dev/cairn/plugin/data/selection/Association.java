package dev.cairn.plugin.data.selection;

/**
 * The measures of how much a feature says about the label, on coded columns: mutual information
 * and entropy in bits, Cramér's V, and Pearson's correlation.
 */
final class Association {

    private static final double LN2 = Math.log(2);

    private Association() {
    }

    /** H(X) in bits of codes 0 to {@code symbols - 1}. */
    static double entropy(int[] x, int symbols) {
        long[] counts = new long[symbols];
        for (int v : x) {
            counts[v]++;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / x.length;
                h -= p * Math.log(p);
            }
        }
        return h / LN2;
    }

    /** I(X;Y) in bits, from the joint counts of two code arrays of equal length (every code counted, none missing). */
    static double mutualInformation(int[] x, int xSymbols, int[] y, int ySymbols) {
        long[] joint = new long[xSymbols * ySymbols];
        long[] px = new long[xSymbols];
        long[] py = new long[ySymbols];
        for (int i = 0; i < x.length; i++) {
            joint[x[i] * ySymbols + y[i]]++;
            px[x[i]]++;
            py[y[i]]++;
        }
        double n = x.length;
        double mi = 0;
        for (int a = 0; a < xSymbols; a++) {
            for (int b = 0; b < ySymbols; b++) {
                long c = joint[a * ySymbols + b];
                if (c > 0) {
                    mi += c / n * Math.log(c * n / ((double) px[a] * py[b]));
                }
            }
        }
        // Rounding can leave a hair below zero for independent columns.
        return Math.max(0, mi / LN2);
    }

    /**
     * Cramér's V = sqrt(chi² / (n · (min(r, c) - 1))) of the table of codes, over the rows where both
     * are present; 0 when either side has a single value there.
     */
    static double cramersV(int[] x, int xSymbols, int[] y, int ySymbols) {
        long[] joint = new long[xSymbols * ySymbols];
        long[] px = new long[xSymbols];
        long[] py = new long[ySymbols];
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0 || y[i] < 0) {
                continue;
            }
            joint[x[i] * ySymbols + y[i]]++;
            px[x[i]]++;
            py[y[i]]++;
            n++;
        }
        long rows = java.util.Arrays.stream(px).filter(c -> c > 0).count();
        long columns = java.util.Arrays.stream(py).filter(c -> c > 0).count();
        if (n == 0 || rows < 2 || columns < 2) {
            return 0;
        }
        double chi2 = 0;
        for (int a = 0; a < xSymbols; a++) {
            if (px[a] == 0) {
                continue;
            }
            for (int b = 0; b < ySymbols; b++) {
                if (py[b] == 0) {
                    continue;
                }
                double expected = (double) px[a] * py[b] / n;
                double d = joint[a * ySymbols + b] - expected;
                chi2 += d * d / expected;
            }
        }
        return Math.min(1, Math.sqrt(chi2 / (n * (Math.min(rows, columns) - 1))));
    }

    /** Pearson's r over the rows where both are numbers (not NaN); null when fewer than two or either is constant there. */
    static Double pearson(double[] x, double[] y) {
        long n = 0;
        double mx = 0;
        double my = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        // Welford's one-pass update: stable for values far from zero.
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                continue;
            }
            n++;
            double dx = x[i] - mx;
            double dy = y[i] - my;
            mx += dx / n;
            my += dy / n;
            sxx += dx * (x[i] - mx);
            syy += dy * (y[i] - my);
            sxy += dx * (y[i] - my);
        }
        if (n < 2 || sxx <= 0 || syy <= 0) {
            return null;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }
}
