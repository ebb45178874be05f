package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.ColumnDistribution;
import dev.cairn.api.data.drift.NumericDistribution;
import dev.cairn.api.data.drift.CategoricalDistribution;
import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftSettings;
import dev.cairn.api.data.drift.DriftReport;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.data.drift.DriftMeasurement;
import dev.cairn.api.data.drift.OverlaidHistogram;
import static dev.cairn.plugin.data.drift.Samples.columns;
import static dev.cairn.plugin.data.drift.Samples.normalish;
import static dev.cairn.plugin.data.drift.Samples.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Identical, disjoint, empty and single-value columns, and categories on one side only. Constants
 * marked "evidently" come from known_answers.py (test resources), section "Edge cases".
 */
class DriftEdgeCasesTest {

    private final DriftComparator comparator = new DriftComparator();

    private FeatureDrift compare(ColumnDistribution reference, ColumnDistribution current) {
        return comparator.compareFeature("x", reference, current, null);
    }

    @Test
    void identicalNumbersShowNoDriftOnAnyMeasure() {
        double[] values = normalish(100, 14, 0, 1);
        FeatureDrift feature = compare(NumericSketches.of(values), NumericSketches.of(values));
        // evidently _ks_stat_test(ref100, ref100) = 1.0
        assertThat(feature.verdict().method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(feature.verdict().value()).isEqualTo(1.0);
        assertThat(feature.measurement(DriftMethod.WASSERSTEIN_NORMED).orElseThrow().value()).isZero();
        assertThat(feature.measurement(DriftMethod.JENSEN_SHANNON_DISTANCE).orElseThrow().value()).isZero();
        assertThat(feature.measurement(DriftMethod.PSI).orElseThrow().value()).isZero();
        assertThat(feature.measurement(DriftMethod.APPROXIMATE_JS_DIVERGENCE).orElseThrow().value()).isZero();
        assertThat(feature.measurements()).noneMatch(DriftMeasurement::drifted);
    }

    @Test
    void identicalCategoriesShowNoDriftOnAnyMeasure() {
        CategoricalDistribution counts = CategoricalDistribution.of(repeat("a", 5, "b", 7, "c", 9));
        FeatureDrift feature = compare(counts, counts);
        assertThat(feature.verdict().method()).isEqualTo(DriftMethod.CHI_SQUARED);
        assertThat(feature.verdict().value()).isEqualTo(1.0);
        assertThat(feature.measurement(DriftMethod.L_INFINITY).orElseThrow().value()).isZero();
        assertThat(feature.measurements()).noneMatch(DriftMeasurement::drifted);
    }

    @Test
    void disjointNumbersDriftOnEveryMeasure() {
        NumericDistribution reference = NumericSketches.of(normalish(100, 14, 0, 1));
        NumericDistribution far = NumericSketches.of(normalish(100, 15, 50, 1));
        FeatureDrift feature = compare(reference, far);
        // evidently _ks_stat_test(ref100, far100) = 2.2087606931995054e-59
        assertThat(feature.verdict().value()).isCloseTo(2.2087606931995054e-59, within(1e-70));
        // evidently _wasserstein_distance_norm(ref100, far100)
        assertThat(feature.measurement(DriftMethod.WASSERSTEIN_NORMED).orElseThrow().value())
                .isCloseTo(93.65777567712746, within(1e-9));
        // all mass in different bins: Jensen-Shannon distance sqrt(ln 2), TFDV's divergence 1
        assertThat(feature.measurement(DriftMethod.JENSEN_SHANNON_DISTANCE).orElseThrow().value())
                .isCloseTo(Math.sqrt(Math.log(2)), within(1e-12));
        assertThat(feature.measurement(DriftMethod.APPROXIMATE_JS_DIVERGENCE).orElseThrow().value()).isEqualTo(1.0);
        assertThat(feature.measurements()).allMatch(DriftMeasurement::drifted);
    }

    @Test
    void disjointCategoriesDriftOnEveryMeasure() {
        FeatureDrift feature = compare(CategoricalDistribution.of(repeat("a", 10)),
                CategoricalDistribution.of(repeat("b", 10)));
        // two values in all: Evidently's default is the Z-test
        assertThat(feature.verdict().method()).isEqualTo(DriftMethod.Z_TEST);
        // evidently _jensenshannon(a x10, b x10) = 0.8325546111576977
        assertThat(feature.measurement(DriftMethod.JENSEN_SHANNON_DISTANCE).orElseThrow().value())
                .isCloseTo(0.8325546111576977, within(1e-12));
        assertThat(feature.measurement(DriftMethod.L_INFINITY).orElseThrow().value()).isEqualTo(1.0);
        assertThat(feature.measurements()).allMatch(DriftMeasurement::drifted);
    }

    @Test
    void anEmptyColumnIsNotComparedAndSaysWhichSideIsEmpty() {
        NumericDistribution values = NumericSketches.of(1, 2, 3);
        NumericDistribution empty = NumericSketches.of(Double.NaN, Double.POSITIVE_INFINITY);
        assertThat(empty.count()).isZero();
        assertThat(compare(empty, values).notCompared()).isEqualTo("the reference has no values");
        assertThat(compare(values, empty).notCompared()).isEqualTo("the current data has no values");
        assertThat(compare(new CategoricalDistribution(java.util.Map.of()), CategoricalDistribution.of("a"))
                .notCompared()).isEqualTo("the reference has no values");

        DriftReport report = comparator.compare(columns("empty", empty, "kept", values),
                columns("empty", values, "kept", NumericSketches.of(1, 2, 3)), DriftSettings.defaults());
        assertThat(report.compared()).isEqualTo(1);
        assertThat(report.feature("empty").orElseThrow().compared()).isFalse();
        assertThat(report.feature("empty").orElseThrow().histogram()).isNull();
    }

    @Test
    void theSameSingleValueOnBothSidesIsNoDrift() {
        FeatureDrift feature = compare(NumericSketches.of(repeatValue(5, 50)),
                NumericSketches.of(repeatValue(5, 40)));
        assertThat(feature.verdict().method()).isEqualTo(DriftMethod.Z_TEST);
        assertThat(feature.verdict().value()).isEqualTo(1.0);
        assertThat(feature.drifted()).isFalse();
        assertThat(feature.measurement(DriftMethod.WASSERSTEIN_NORMED).orElseThrow().value()).isZero();
        assertThat(feature.measurement(DriftMethod.APPROXIMATE_JS_DIVERGENCE).orElseThrow().value()).isZero();
        assertThat(feature.histogram().bins()).singleElement()
                .satisfies(bin -> assertThat(bin.label()).isEqualTo("5"));
    }

    @Test
    void twoDifferentSingleValuesDrift() {
        FeatureDrift feature = compare(NumericSketches.of(repeatValue(5, 50)),
                NumericSketches.of(repeatValue(6, 40)));
        // evidently _z_stat_test(5.0 x50, 6.0 x40) = 0.0
        assertThat(feature.verdict().value()).isZero();
        assertThat(feature.drifted()).isTrue();
        // evidently _wasserstein_distance_norm(5.0 x50, 6.0 x40) = 1000.0: W1 = 1 over the 0.001 floor
        assertThat(feature.measurement(DriftMethod.WASSERSTEIN_NORMED).orElseThrow().value())
                .isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void aCategoryOnOneSideOnlyIsNamedAndCountsAsDrift() {
        FeatureDrift feature = compare(CategoricalDistribution.of(repeat("home", 60, "work", 40)),
                CategoricalDistribution.of(repeat("home", 55, "work", 35, "overseas", 10)));
        assertThat(feature.verdict().method()).isEqualTo(DriftMethod.CHI_SQUARED);
        assertThat(feature.verdict().value()).isZero();
        assertThat(feature.verdict().detail()).contains("'overseas' is absent from the reference");
        assertThat(feature.histogram().bins()).extracting(OverlaidHistogram.Bin::label)
                .containsExactly("home", "overseas", "work");
        assertThat(feature.histogram().bins().get(1).referenceShare()).isZero();
        assertThat(feature.histogram().bins().get(1).currentShare()).isCloseTo(0.1, within(1e-12));

        FeatureDrift gone = compare(CategoricalDistribution.of(repeat("home", 55, "work", 35, "overseas", 10)),
                CategoricalDistribution.of(repeat("home", 60, "work", 40)));
        // shares home 0.55 -> 0.6, work 0.35 -> 0.4, overseas 0.1 -> 0: the vanished category moved most
        assertThat(gone.measurement(DriftMethod.L_INFINITY).orElseThrow().detail()).contains("'overseas'");
        assertThat(gone.measurement(DriftMethod.PSI).orElseThrow().drifted()).isTrue();
    }

    @Test
    void aFeatureOnOneSideOnlyOrOfAnotherKindIsNotCompared() {
        DriftReport report = comparator.compare(columns("old", NumericSketches.of(1, 2), "kind",
                        NumericSketches.of(1, 2)),
                columns("kind", CategoricalDistribution.of("1", "2"), "new", CategoricalDistribution.of("a")),
                DriftSettings.defaults());
        assertThat(report.features()).extracting(FeatureDrift::feature).containsExactly("old", "kind", "new");
        assertThat(report.features()).extracting(FeatureDrift::notCompared).containsExactly(
                "missing from the current data", "numbers in the reference but categories in the current data",
                "not in the reference");
        assertThat(report.compared()).isZero();
        assertThat(report.datasetDrifted()).isFalse();
    }

    private static double[] repeatValue(double value, int times) {
        double[] values = new double[times];
        Arrays.fill(values, value);
        return values;
    }
}
