package dev.cairn.plugin.data.profile;

/**
 * Moments of a column's numeric values (those that parsed as numbers), NaN and infinities left out
 * and counted apart, so that one Infinity does not turn the mean into Infinity.
 *
 * @param count      finite numeric values
 * @param integers   of those, how many were written as whole numbers (no point, no exponent)
 * @param mean       their mean
 * @param std        their sample standard deviation (n - 1, as pandas and R report it); 0 for one value
 * @param min        the smallest
 * @param max        the largest
 * @param nan        NaN values (written NaN or nan)
 * @param infinite   infinite values (written Infinity or inf, or too large for a double)
 */
public record NumericSummary(long count, long integers, double mean, double std, double min, double max, long nan,
                             long infinite) {
}
