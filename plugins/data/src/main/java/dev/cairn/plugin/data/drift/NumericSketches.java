package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.NumericDistribution;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.apache.datasketches.common.SketchesException;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * The KLL sketch inside a {@link NumericDistribution}: cairn-api carries it as DataSketches'
 * serialized bytes (ADR 0022); this is the one place that writes and reads them.
 */
public final class NumericSketches {

    private NumericSketches() {
    }

    /** The distribution of the values: a KLL sketch (default k = 200), and the values themselves when few. */
    public static NumericDistribution of(double... values) {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        for (double value : finite) {
            sketch.update(value);
        }
        return of(finite.length, sketch, finite.length <= NumericDistribution.MAX_EXACT_VALUES ? finite : null,
                NumericDistribution.mean(finite), NumericDistribution.populationStd(finite));
    }

    /** A distribution from a sketch the caller built (the profiler's), with the exact moments. */
    public static NumericDistribution of(long count, KllDoublesSketch sketch, double[] exactValues, double mean,
                                         double standardDeviation) {
        return new NumericDistribution(count, sketch.toByteArray(), exactValues, mean, standardDeviation);
    }

    /**
     * The distribution's sketch, read back; a distribution given only by its exact values gets one
     * built from them.
     *
     * @throws IllegalArgumentException when the bytes are no KLL doubles sketch, or one of another
     *                                  number of values than the distribution's count
     */
    public static KllDoublesSketch read(NumericDistribution column) {
        byte[] bytes = column.kllSketch();
        if (bytes == null) {
            KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();
            for (double value : column.exactValues()) {
                sketch.update(value);
            }
            return sketch;
        }
        KllDoublesSketch sketch;
        try {
            sketch = KllDoublesSketch.heapify(MemorySegment.ofArray(bytes));
        } catch (SketchesException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the sketch is not a serialized KLL doubles sketch (" + e.getMessage()
                    + ")", e);
        }
        if (sketch.getN() != column.count()) {
            throw new IllegalArgumentException("the sketch holds " + sketch.getN() + " values but the count says "
                    + column.count());
        }
        return sketch;
    }
}
