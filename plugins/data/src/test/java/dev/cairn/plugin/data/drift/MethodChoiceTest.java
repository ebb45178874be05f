package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.ColumnDistribution;
import dev.cairn.api.data.drift.NumericDistribution;
import dev.cairn.api.data.drift.CategoricalDistribution;
import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftSettings;
import dev.cairn.api.data.drift.FeatureOverride;
import dev.cairn.api.data.drift.DriftReport;
import dev.cairn.api.data.drift.FeatureDrift;
import static dev.cairn.plugin.data.drift.Samples.columns;
import static dev.cairn.plugin.data.drift.Samples.integers;
import static dev.cairn.plugin.data.drift.Samples.normalish;
import static dev.cairn.plugin.data.drift.Samples.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Evidently's default method per column, overrides, and the dataset-level verdict. */
class MethodChoiceTest {

    private final DriftComparator comparator = new DriftComparator();

    private DriftMethod chosen(ColumnDistribution reference, ColumnDistribution current) {
        return comparator.compareFeature("x", reference, current, null).verdict().method();
    }

    @Test
    void numbersUseKolmogorovSmirnovUpToAThousandReferenceValuesAndNormedWassersteinAbove() {
        NumericDistribution current = NumericSketches.of(normalish(500, 2, 0, 1));
        assertThat(chosen(NumericSketches.of(normalish(1000, 1, 0, 1)), current))
                .isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(chosen(NumericSketches.of(normalish(1001, 1, 0, 1)), current))
                .isEqualTo(DriftMethod.WASSERSTEIN_NORMED);
    }

    @Test
    void numbersWithAtMostFiveValuesAreTestedAsCategories() {
        assertThat(chosen(NumericSketches.of(integers(300, 1, 5)), NumericSketches.of(integers(300, 2, 5))))
                .isEqualTo(DriftMethod.CHI_SQUARED);
        assertThat(chosen(NumericSketches.of(integers(300, 1, 2)), NumericSketches.of(integers(300, 2, 2))))
                .isEqualTo(DriftMethod.Z_TEST);
        assertThat(chosen(NumericSketches.of(integers(300, 1, 5)), NumericSketches.of(integers(300, 2, 6))))
                .isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(chosen(NumericSketches.of(integers(5000, 1, 5)), NumericSketches.of(integers(300, 2, 5))))
                .isEqualTo(DriftMethod.JENSEN_SHANNON_DISTANCE);
    }

    @Test
    void categoriesUseChiSquaredOrTheZTestOnSmallReferencesAndJensenShannonOnLarge() {
        CategoricalDistribution three = CategoricalDistribution.of(repeat("a", 400, "b", 300, "c", 300));
        CategoricalDistribution two = CategoricalDistribution.of(repeat("a", 600, "b", 400));
        assertThat(chosen(three, two)).isEqualTo(DriftMethod.CHI_SQUARED);
        assertThat(chosen(two, two)).isEqualTo(DriftMethod.Z_TEST);
        assertThat(chosen(CategoricalDistribution.of(repeat("a", 600, "b", 401)), two))
                .isEqualTo(DriftMethod.JENSEN_SHANNON_DISTANCE);
    }

    @Test
    void anOverrideChoosesTheMethodAndItsThreshold() {
        NumericDistribution reference = NumericSketches.of(normalish(200, 1, 0, 1));
        NumericDistribution current = NumericSketches.of(normalish(200, 2, 0.3, 1));
        FeatureDrift psi = comparator.compareFeature("x", reference, current, new FeatureOverride(DriftMethod.PSI, 5.0));
        assertThat(psi.verdict().method()).isEqualTo(DriftMethod.PSI);
        assertThat(psi.verdict().threshold()).isEqualTo(5.0);
        assertThat(psi.drifted()).isFalse();
        assertThat(psi.overridden()).isTrue();
        // the default choice is still measured, with its own threshold, for the reader
        assertThat(psi.measurement(DriftMethod.KOLMOGOROV_SMIRNOV).orElseThrow().drifted()).isTrue();

        FeatureDrift strict = comparator.compareFeature("x", reference, current, FeatureOverride.threshold(1e-6));
        assertThat(strict.verdict().method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(strict.verdict().threshold()).isEqualTo(1e-6);
        assertThat(strict.drifted()).isFalse();
    }

    @Test
    void anOverrideThatDoesNotFitSaysWhy() {
        FeatureDrift feature = comparator.compareFeature("x", CategoricalDistribution.of("a", "b"),
                CategoricalDistribution.of("a"), FeatureOverride.method(DriftMethod.KOLMOGOROV_SMIRNOV));
        assertThat(feature.notCompared())
                .isEqualTo("the override's Kolmogorov-Smirnov p-value does not apply to categories");
        FeatureDrift wrongScale = comparator.compareFeature("x", NumericSketches.of(normalish(20, 1, 0, 1)),
                NumericSketches.of(normalish(20, 2, 0, 1)), FeatureOverride.threshold(5));
        assertThat(wrongScale.notCompared())
                .isEqualTo("override: the Kolmogorov-Smirnov p-value threshold must lie strictly between 0 and 1, was 5.0");
        assertThatThrownBy(() -> new FeatureOverride(DriftMethod.PSI, -1.0))
                .hasMessage("Override: the population stability index threshold must be a finite number of at least 0,"
                        + " was -1.0");
        assertThatThrownBy(() -> new FeatureOverride(null, null)).hasMessageContaining("names neither");
        assertThatThrownBy(() -> DriftSettings.defaults().withDriftShare(0))
                .hasMessage("The drift share must be above 0 and at most 1, was 0.0");
    }

    @Test
    void theDatasetDriftsWhenTheShareOfDriftedFeaturesReachesTheThreshold() {
        NumericDistribution steady = NumericSketches.of(normalish(200, 1, 0, 1));
        NumericDistribution shifted = NumericSketches.of(normalish(200, 2, 3, 1));
        var reference = columns("a", steady, "b", steady, "c", steady, "d", steady);
        var halfMoved = columns("a", shifted, "b", shifted, "c", steady, "d", steady);
        DriftReport report = comparator.compare(reference, halfMoved, DriftSettings.defaults());
        assertThat(report.compared()).isEqualTo(4);
        assertThat(report.drifted()).isEqualTo(2);
        assertThat(report.driftedShare()).isEqualTo(0.5);
        assertThat(report.datasetDrifted()).isTrue();

        var oneMoved = columns("a", shifted, "b", steady, "c", steady, "d", steady);
        assertThat(comparator.compare(reference, oneMoved, DriftSettings.defaults()).datasetDrifted()).isFalse();
        assertThat(comparator.compare(reference, oneMoved, DriftSettings.defaults().withDriftShare(0.25))
                .datasetDrifted()).isTrue();
        // a per-feature threshold moves the count: with PSI read at 100, 'a' no longer drifts
        DriftSettings lenient = DriftSettings.defaults().withOverride("a", new FeatureOverride(DriftMethod.PSI, 100.0));
        DriftReport relaxed = comparator.compare(reference, halfMoved, lenient);
        assertThat(relaxed.drifted()).isEqualTo(1);
        assertThat(relaxed.datasetDrifted()).isFalse();
    }
}
