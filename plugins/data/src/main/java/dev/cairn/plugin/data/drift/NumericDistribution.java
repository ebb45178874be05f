package dev.cairn.plugin.data.drift;

import java.util.Arrays;
import java.util.Objects;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * A numeric column's distribution: its finite values' count, a KLL quantile sketch of them, the
 * values themselves when there are at most {@link #MAX_EXACT_VALUES}, and the mean and standard
 * deviation that the profiler computes exactly in its pass (the normed Wasserstein distance divides
 * by the reference's; a sketch would only estimate it).
 *
 * @param count             finite values in the column (missing, NaN and infinities excluded)
 * @param sketch            a KLL sketch of those values ({@code sketch.getN() == count})
 * @param exactValues       the values, in any order, or null; present only when {@code count <=
 *                          MAX_EXACT_VALUES}
 * @param mean              their mean (NaN when empty)
 * @param standardDeviation their population standard deviation (divided by n, as numpy.std; NaN
 *                          when empty)
 */
public record NumericDistribution(long count, KllDoublesSketch sketch, double[] exactValues, double mean,
                                  double standardDeviation) implements ColumnDistribution {

    /** Up to this many values a column keeps them, and the exact tests use them. */
    public static final int MAX_EXACT_VALUES = 1000;

    public NumericDistribution {
        Objects.requireNonNull(sketch, "sketch");
        if (count < 0) {
            throw new IllegalArgumentException("A numeric distribution's count must not be negative, was " + count);
        }
        if (sketch.getN() != count) {
            throw new IllegalArgumentException("The sketch holds " + sketch.getN() + " values but the count says "
                    + count);
        }
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
     * The distribution of the given values; non-finite ones are left out as missing. Keeps the values
     * when there are at most {@link #MAX_EXACT_VALUES}.
     */
    public static NumericDistribution of(double... values) {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        double sum = 0;
        for (double value : finite) {
            sketch.update(value);
            sum += value;
        }
        double mean = finite.length == 0 ? Double.NaN : sum / finite.length;
        double squares = 0;
        for (double value : finite) {
            squares += (value - mean) * (value - mean);
        }
        double std = finite.length == 0 ? Double.NaN : Math.sqrt(squares / finite.length);
        return new NumericDistribution(finite.length, sketch, finite.length <= MAX_EXACT_VALUES ? finite : null,
                mean, std);
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

    @Override
    public boolean equals(Object other) {
        return other instanceof NumericDistribution that && count == that.count
                && Arrays.equals(exactValues, that.exactValues) && Double.compare(mean, that.mean) == 0
                && Double.compare(standardDeviation, that.standardDeviation) == 0
                && Arrays.equals(sketch.toByteArray(), that.sketch.toByteArray());
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, Arrays.hashCode(exactValues), mean, standardDeviation);
    }

    @Override
    public String toString() {
        return "NumericDistribution[count=" + count + ", exact=" + hasExactValues() + ", mean=" + mean + ", std="
                + standardDeviation + "]";
    }
}
