package dev.cairn.plugin.data.selection;

/**
 * How much work one ranking may do.
 *
 * @param bins    equal-frequency bins a numeric column is cut into (and the most categories a
 *                categorical column keeps, the rest counted together as "other") before mutual
 *                information and Tribuo's selectors, which count values, see it
 * @param maxRows rows read from the version at most (the first ones): the ranking of a larger
 *                version is a sample's, and says so
 * @param threads threads Tribuo's CMIM, JMI and mRMR may use (further bounded by the job's own share)
 */
public record SelectionOptions(int bins, int maxRows, int threads) {

    public SelectionOptions {
        if (bins < 2 || bins > 100) {
            throw new IllegalArgumentException("bins must be between 2 and 100, was " + bins);
        }
        if (maxRows < 2) {
            throw new IllegalArgumentException("maxRows must be at least 2, was " + maxRows);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    public static SelectionOptions defaults() {
        return new SelectionOptions(10, 100_000, 1);
    }

    public SelectionOptions withThreads(int count) {
        return new SelectionOptions(bins, maxRows, count);
    }
}
