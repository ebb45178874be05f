package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.NumericDistribution;
import dev.cairn.api.data.drift.CategoricalDistribution;
import static dev.cairn.plugin.data.drift.Samples.normalish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Test;

/** The inputs refuse what does not add up, with a message naming what is wrong. */
class DistributionInputTest {

    @Test
    void aSmallColumnKeepsItsValuesAndALargeOneOnlyItsSketch() {
        NumericDistribution small = NumericSketches.of(normalish(1000, 1, 0, 1));
        NumericDistribution large = NumericSketches.of(normalish(1001, 1, 0, 1));
        assertThat(small.hasExactValues()).isTrue();
        assertThat(large.hasExactValues()).isFalse();
        assertThat(large.count()).isEqualTo(1001);
        assertThat(NumericSketches.read(large).getN()).isEqualTo(1001);
    }

    @Test
    void missingValuesAreLeftOutAndTheMomentsArePopulationMoments() {
        NumericDistribution column = NumericSketches.of(1, Double.NaN, 3, Double.NEGATIVE_INFINITY);
        assertThat(column.count()).isEqualTo(2);
        assertThat(column.exactValues()).containsExactly(1, 3);
        assertThat(column.mean()).isEqualTo(2.0);
        // numpy.std([1, 3]) = 1.0 (divided by n, not n - 1)
        assertThat(column.standardDeviation()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void inconsistentNumericInputIsRefusedWithTheReason() {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();
        sketch.update(1);
        sketch.update(2);
        byte[] bytes = sketch.toByteArray();
        assertThatThrownBy(() -> new NumericDistribution(2, null, null, 1.5, 0.5))
                .hasMessage("A numeric distribution needs its KLL sketch or its exact values; this one has neither");
        assertThatThrownBy(() -> new NumericDistribution(2, bytes, new double[] {1}, 1.5, 0.5))
                .hasMessage("The exact values number 1 but the count says 2");
        assertThatThrownBy(() -> new NumericDistribution(2, bytes, new double[] {1, Double.NaN}, 1.5, 0.5))
                .hasMessage("The exact values must be finite (missing values are left out), found NaN");
        assertThatThrownBy(() -> new NumericDistribution(2, bytes, null, 1.5, -1))
                .hasMessageContaining("non-negative standard deviation");
        KllDoublesSketch big = KllDoublesSketch.newHeapInstance();
        double[] values = normalish(1001, 1, 0, 1);
        for (double value : values) {
            big.update(value);
        }
        assertThatThrownBy(() -> new NumericDistribution(1001, big.toByteArray(), values, 0, 1))
                .hasMessage("Exact values are kept for at most 1000 values, this column has 1001");
        assertThatThrownBy(() -> NumericDistribution.ofExactValues(values))
                .hasMessageContaining("Exact values are kept for at most 1000 values, these are 1001");
    }

    @Test
    void aSketchThatDoesNotAddUpIsReportedOnTheFeatureNotThrown() {
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();
        sketch.update(1);
        sketch.update(2);
        NumericDistribution wrongCount = new NumericDistribution(3, sketch.toByteArray(), null, 1.5, 0.5);
        NumericDistribution garbage = new NumericDistribution(3, new byte[] {1, 2, 3}, null, 1.5, 0.5);
        NumericDistribution fine = NumericSketches.of(1, 2, 3);
        DriftComparator comparator = new DriftComparator();
        assertThat(comparator.compareFeature("x", wrongCount, fine, null).notCompared())
                .isEqualTo("the sketch holds 2 values but the count says 3");
        assertThat(comparator.compareFeature("x", fine, garbage, null).notCompared())
                .startsWith("the sketch is not a serialized KLL doubles sketch");
    }

    @Test
    void exactValuesAloneAreEnoughForASmallColumn() {
        NumericDistribution exact = NumericDistribution.ofExactValues(1, 2, 3, Double.NaN);
        assertThat(exact.kllSketch()).isNull();
        assertThat(exact.count()).isEqualTo(3);
        assertThat(new DriftComparator().compareFeature("x", exact, NumericSketches.of(1, 2, 3), null)
                .verdict().value()).isEqualTo(1.0);
    }

    @Test
    void categoryCountsMustBePositive() {
        assertThatThrownBy(() -> new CategoricalDistribution(Map.of("a", 0L)))
                .hasMessage("The count of category 'a' must be positive, was 0");
        assertThat(CategoricalDistribution.of("a", "b", "a").counts()).isEqualTo(Map.of("a", 2L, "b", 1L));
        assertThat(CategoricalDistribution.of("a", "b", "a").count()).isEqualTo(3);
    }

    @Test
    void theExactValuesCannotBeChangedFromOutside() {
        double[] values = {1, 2, 3};
        NumericDistribution column = NumericSketches.of(values);
        values[0] = 100;
        column.exactValues()[1] = 100;
        assertThat(column.exactValues()).containsExactly(1, 2, 3);
    }
}
