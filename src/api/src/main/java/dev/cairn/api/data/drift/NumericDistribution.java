package dev.cairn.api.data.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric column's distribution: its finite values' count, a KLL quantile sketch of them, the
 * values themselves when there are at most {@link #MAX_EXACT_VALUES}, and the mean and standard
 * deviation that the profiler computes exactly in its pass (the normed Wasserstein distance divides
 * by the reference's; a sketch would only estimate it).
 *
 * <p>The sketch travels as Apache DataSketches' serialized {@code KllDoublesSketch} (its
 * {@code toByteArray()}), so that cairn-api depends on no sketch library (ADR 0022): the
 * implementation reads it, and refuses bytes that are not a KLL doubles sketch of {@code count}
 * values. A caller holding the values builds one with {@link DriftComparison#numbers(double...)}.
 *
 * @param count             finite values in the column (missing, NaN and infinities excluded)
 * @param kllSketch         the serialized KLL doubles sketch of those values; may be null only when
 *                          the exact values are given
 * @param exactValues       the values, in any order, or null; present only when {@code count <=
 *                          MAX_EXACT_VALUES}
 * @param mean              their mean (NaN when empty)
 * @param standardDeviation their population standard deviation (divided by n, as numpy.std; NaN
 *                          when empty)
 */
public record NumericDistribution(long count, byte[] kllSketch, double[] exactValues, double mean,
                                  double standardDeviation) implements ColumnDistribution {

    /** Up to this many values a column keeps them, and the exact tests use them. */
    public static final int MAX_EXACT_VALUES = 1000;

    public NumericDistribution {
        if (count < 0) {
            throw new IllegalArgumentException("A numeric distribution's count must not be negative, was " + count);
        }
        if (kllSketch == null && exactValues == null) {
            throw new IllegalArgumentException("A numeric distribution needs its KLL sketch or its exact values;"
                    + " this one has neither");
        }
        kllSketch = kllSketch == null ? null : kllSketch.clone();
        if (exactValues != null) {
            if (exactValues.length != count) {
                throw new IllegalArgumentException("The exact values number " + exactValues.length
                        + " but the count says " + count);
            }
            if (count > MAX_EXACT_VALUES) {
                throw new IllegalArgumentException("Exact values are kept for at most " + MAX_EXACT_VALUES
                        + " values, this column has " + count);
            }
            for (double value : exactValues) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("The exact values must be finite (missing values are left"
                            + " out), found " + value);
                }
            }
            exactValues = exactValues.clone();
        }
        if (count > 0 && (!Double.isFinite(mean) || !Double.isFinite(standardDeviation) || standardDeviation < 0)) {
            throw new IllegalArgumentException("A non-empty column needs a finite mean and a non-negative standard"
                    + " deviation, got mean " + mean + " and standard deviation " + standardDeviation);
        }
    }

    /**
     * The distribution of at most {@link #MAX_EXACT_VALUES} values, kept exactly (no sketch);
     * non-finite ones are left out as missing. For more values use {@link DriftComparison#numbers}.
     */
    public static NumericDistribution ofExactValues(double... values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length > MAX_EXACT_VALUES) {
            throw new IllegalArgumentException("Exact values are kept for at most " + MAX_EXACT_VALUES
                    + " values, these are " + finite.length + ": sketch them with DriftComparison.numbers");
        }
        return new NumericDistribution(finite.length, null, finite, mean(finite), populationStd(finite));
    }

    /** The mean of the values, NaN when there are none. */
    public static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    /** The population standard deviation of the values (divided by n), NaN when there are none. */
    public static double populationStd(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return values.length == 0 ? Double.NaN : Math.sqrt(squares / values.length);
    }

    /** Whether the exact values are at hand (small columns). */
    public boolean hasExactValues() {
        return exactValues != null;
    }

    /** A copy of the exact values; only when {@link #hasExactValues()}. */
    @Override
    public double[] exactValues() {
        return exactValues == null ? null : exactValues.clone();
    }

    /** A copy of the serialized sketch, or null when only the exact values were given. */
    @Override
    public byte[] kllSketch() {
        return kllSketch == null ? null : kllSketch.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumericDistribution that && count == that.count
                && Arrays.equals(exactValues, that.exactValues) && Double.compare(mean, that.mean) == 0
                && Double.compare(standardDeviation, that.standardDeviation) == 0
                && Arrays.equals(kllSketch, that.kllSketch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, Arrays.hashCode(exactValues), mean, standardDeviation, Arrays.hashCode(kllSketch));
    }

    @Override
    public String toString() {
        return "NumericDistribution[count=" + count + ", exact=" + hasExactValues() + ", sketch="
                + (kllSketch != null) + ", mean=" + mean + ", std=" + standardDeviation + "]";
    }
}
