package dev.cairn.plugin.data.profile;

/**
 * Quantiles at the given ranks. Exact while the column kept its values (at most
 * {@link ProfileOptions#exactValuesLimit()}), else read from the KLL sketch, whose answer's rank
 * is within {@code rankError} of the asked rank (with 99% confidence).
 *
 * @param ranks     the ranks asked, each between 0 and 1
 * @param values    the quantile at each rank: the smallest value whose share of values at or below it
 *                  reaches the rank (0 gives the min, 1 the max)
 * @param exact     true when computed from the values themselves
 * @param rankError the sketch's normalised rank error, 0 when exact
 */
public record Quantiles(double[] ranks, double[] values, boolean exact, double rankError) {

    public double at(double rank) {
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] == rank) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("rank " + rank + " was not asked for");
    }
}
