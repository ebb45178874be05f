package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.NumericDistribution;
import dev.cairn.api.data.drift.CategoricalDistribution;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.data.drift.OverlaidHistogram;
import static dev.cairn.plugin.data.drift.Samples.normalish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two histograms on common bins, for the overlaid chart. */
class OverlaidHistogramTest {

    private final DriftComparator comparator = new DriftComparator();

    @Test
    void numbersShareSturgesBinsOverBothColumnsAndEachSideSumsToOne() {
        FeatureDrift feature = comparator.compareFeature("x", NumericSketches.of(normalish(800, 7, 10, 2)),
                NumericSketches.of(normalish(900, 8, 10.5, 2.5)), null);
        OverlaidHistogram histogram = feature.histogram();
        // numpy: histogram_bin_edges(ref800 + cur900, "sturges") has 12 bins for 1,700 values
        assertThat(histogram.bins()).hasSize(12);
        assertThat(histogram.bins().stream().mapToDouble(OverlaidHistogram.Bin::referenceShare).sum())
                .isCloseTo(1, within(1e-12));
        assertThat(histogram.bins().stream().mapToDouble(OverlaidHistogram.Bin::currentShare).sum())
                .isCloseTo(1, within(1e-12));
        for (int i = 1; i < histogram.bins().size(); i++) {
            assertThat(histogram.bins().get(i).low()).isEqualTo(histogram.bins().get(i - 1).high());
        }
        assertThat(histogram.bins().getLast().label()).endsWith("]");
        assertThat(histogram.bins().getFirst().label()).endsWith(")");
    }

    @Test
    void manyCategoriesKeepTheMostCommonAndGatherTheRest() {
        Map<String, Long> reference = new HashMap<>();
        Map<String, Long> current = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            reference.put("c" + i, 100L + i);
            current.put("c" + i, 140L - i);
        }
        OverlaidHistogram histogram = comparator.compareFeature("x", new CategoricalDistribution(reference),
                new CategoricalDistribution(current), null).histogram();
        assertThat(histogram.othersGathered()).isTrue();
        assertThat(histogram.bins()).hasSize(30);
        assertThat(histogram.bins().getLast().label()).isEqualTo("(11 other categories)");
        assertThat(histogram.bins().stream().mapToDouble(OverlaidHistogram.Bin::currentShare).sum())
                .isCloseTo(1, within(1e-9));
    }
}
