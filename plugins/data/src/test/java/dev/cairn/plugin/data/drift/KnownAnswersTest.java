package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.ColumnDistribution;
import dev.cairn.api.data.drift.NumericDistribution;
import dev.cairn.api.data.drift.CategoricalDistribution;
import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.FeatureOverride;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.data.drift.DriftMeasurement;
import dev.cairn.api.data.drift.Basis;
import static dev.cairn.plugin.data.drift.Samples.integers;
import static dev.cairn.plugin.data.drift.Samples.normalish;
import static dev.cairn.plugin.data.drift.Samples.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each measure against the value scipy or Evidently gives for the same samples. The constants were
 * printed by test resource dev/cairn/plugin/data/drift/known_answers.py (scipy 1.17.1, evidently
 * 0.7.23, pandas 2.3.3, numpy 2.4.6, in a project-local venv); the comment on each names the call.
 */
class KnownAnswersTest {

    private static final double CLOSE = 1e-9;

    private final DriftComparator comparator = new DriftComparator();

    private DriftMeasurement measure(DriftMethod method, ColumnDistribution reference, ColumnDistribution current) {
        FeatureDrift feature = comparator.compareFeature("x", reference, current, FeatureOverride.method(method));
        assertThat(feature.notCompared()).isNull();
        return feature.verdict();
    }

    private static NumericDistribution numbers(double[] values) {
        return NumericSketches.of(values);
    }

    @Test
    void kolmogorovSmirnovOnEqualSizesIsExactAsScipy() {
        // evidently _ks_stat_test(ref200, cur200) = scipy ks_2samp(...).pvalue (exact method)
        DriftMeasurement ks = measure(DriftMethod.KOLMOGOROV_SMIRNOV, numbers(normalish(200, 1, 0, 1)),
                numbers(normalish(200, 2, 0.3, 1)));
        assertThat(ks.value()).isCloseTo(0.0004306111484986726, within(CLOSE));
        assertThat(ks.basis()).isEqualTo(Basis.EXACT_VALUES);
        assertThat(ks.drifted()).isTrue();
        // scipy ks_2samp(ref200, cur200).statistic = 0.205
        assertThat(ks.detail()).contains("D = 0.2050", "exact");
    }

    @Test
    void kolmogorovSmirnovOnUnequalSizesIsExactAsScipy() {
        // evidently _ks_stat_test(ref200, cur300): 0.25476533491263975; D = 0.09166666666666666
        DriftMeasurement ks = measure(DriftMethod.KOLMOGOROV_SMIRNOV, numbers(normalish(200, 1, 0, 1)),
                numbers(normalish(300, 3, 0.1, 1.2)));
        assertThat(ks.value()).isCloseTo(0.25476533491263975, within(CLOSE));
        assertThat(ks.detail()).contains("D = 0.0917");
        assertThat(ks.drifted()).isFalse();
    }

    @Test
    void kolmogorovSmirnovCountsTiesAsScipy() {
        // evidently _ks_stat_test(integers(150, 4, 10), integers(170, 5, 12))
        DriftMeasurement ks = measure(DriftMethod.KOLMOGOROV_SMIRNOV, numbers(integers(150, 4, 10)),
                numbers(integers(170, 5, 12)));
        assertThat(ks.value()).isCloseTo(0.012208668721515215, within(CLOSE));
    }

    @Test
    void kolmogorovSmirnovAtTheLargestExactSizes() {
        double[] reference = normalish(1000, 11, 0, 1);
        // evidently _ks_stat_test(ref1000, normalish(1000, 12, 0.08, 1.0))
        assertThat(measure(DriftMethod.KOLMOGOROV_SMIRNOV, numbers(reference), numbers(normalish(1000, 12, 0.08, 1)))
                .value()).isCloseTo(0.0007213629171338913, within(CLOSE));
        // evidently _ks_stat_test(ref1000, normalish(999, 13, 0.05, 1.0))
        assertThat(measure(DriftMethod.KOLMOGOROV_SMIRNOV, numbers(reference), numbers(normalish(999, 13, 0.05, 1)))
                .value()).isCloseTo(0.07522228433890296, within(CLOSE));
    }

    @Test
    void kolmogorovSmirnovOnANewDrawOfTheSameDistributionDoesNotDrift() {
        // evidently _ks_stat_test(ref200, normalish(200, 6, 0.0, 1.0))
        DriftMeasurement ks = measure(DriftMethod.KOLMOGOROV_SMIRNOV, numbers(normalish(200, 1, 0, 1)),
                numbers(normalish(200, 6, 0, 1)));
        assertThat(ks.value()).isCloseTo(0.39352743357720954, within(CLOSE));
        assertThat(ks.drifted()).isFalse();
    }

    @Test
    void normedWassersteinAsEvidently() {
        // evidently _wasserstein_distance_norm(ref200, cur200)
        DriftMeasurement shifted = measure(DriftMethod.WASSERSTEIN_NORMED, numbers(normalish(200, 1, 0, 1)),
                numbers(normalish(200, 2, 0.3, 1)));
        assertThat(shifted.value()).isCloseTo(0.4480695379427003, within(CLOSE));
        assertThat(shifted.drifted()).isTrue();
        // evidently _wasserstein_distance_norm(ref200, cur300)
        assertThat(measure(DriftMethod.WASSERSTEIN_NORMED, numbers(normalish(200, 1, 0, 1)),
                numbers(normalish(300, 3, 0.1, 1.2))).value()).isCloseTo(0.19732678158270256, within(CLOSE));
    }

    @Test
    void jensenShannonAndPsiOnSturgesBinsAsEvidently() {
        NumericDistribution reference = numbers(normalish(800, 7, 10, 2));
        NumericDistribution current = numbers(normalish(900, 8, 10.5, 2.5));
        // evidently _jensenshannon(ref800, cur900, Numerical): 12 Sturges bins over both columns
        assertThat(measure(DriftMethod.JENSEN_SHANNON_DISTANCE, reference, current).value())
                .isCloseTo(0.17417854197936086, within(CLOSE));
        // evidently _psi(ref800, cur900, Numerical)
        DriftMeasurement psi = measure(DriftMethod.PSI, reference, current);
        assertThat(psi.value()).isCloseTo(0.3154946171937612, within(CLOSE));
        assertThat(psi.detail()).startsWith("act");
    }

    @Test
    void jensenShannonAndPsiOnFewDistinctNumbersBinByValueAsEvidently() {
        NumericDistribution reference = numbers(integers(300, 9, 6));
        NumericDistribution current = numbers(integers(400, 10, 8));
        // evidently _jensenshannon(integers(300, 9, 6), integers(400, 10, 8), Numerical)
        assertThat(measure(DriftMethod.JENSEN_SHANNON_DISTANCE, reference, current).value())
                .isCloseTo(0.2935229474310631, within(CLOSE));
        // evidently _psi(same): two values only on the current side get Evidently's 0.0001 share
        assertThat(measure(DriftMethod.PSI, reference, current).value()).isCloseTo(1.6063835328180065, within(CLOSE));
    }

    @Test
    void chiSquaredAsEvidently() {
        CategoricalDistribution reference = CategoricalDistribution.of(repeat("a", 50, "b", 30, "c", 20));
        // evidently _chi_stat_test(a50 b30 c20, a65 b35 c20)
        DriftMeasurement chi = measure(DriftMethod.CHI_SQUARED, reference,
                CategoricalDistribution.of(repeat("a", 65, "b", 35, "c", 20)));
        assertThat(chi.value()).isCloseTo(0.573753420737433, within(CLOSE));
        assertThat(chi.drifted()).isFalse();
        assertThat(chi.basis()).isEqualTo(Basis.CATEGORY_COUNTS);
    }

    @Test
    void aCategoryNewInTheCurrentDataGivesChiSquaredZeroAsScipy() {
        // evidently _chi_stat_test(a50 b30 c20, a40 b30 c25 d5) = 0.0 (scipy: infinite statistic)
        DriftMeasurement chi = measure(DriftMethod.CHI_SQUARED,
                CategoricalDistribution.of(repeat("a", 50, "b", 30, "c", 20)),
                CategoricalDistribution.of(repeat("a", 40, "b", 30, "c", 25, "d", 5)));
        assertThat(chi.value()).isZero();
        assertThat(chi.drifted()).isTrue();
        assertThat(chi.detail()).contains("'d'");
    }

    @Test
    void jensenShannonPsiAndTfdvMeasuresOnCategories() {
        CategoricalDistribution reference = CategoricalDistribution.of(repeat("a", 50, "b", 30, "c", 20));
        CategoricalDistribution current = CategoricalDistribution.of(repeat("a", 40, "b", 30, "c", 25, "d", 5));
        // evidently _jensenshannon(...) = scipy distance.jensenshannon([.5,.3,.2,0], [.4,.3,.25,.05])
        assertThat(measure(DriftMethod.JENSEN_SHANNON_DISTANCE, reference, current).value())
                .isCloseTo(0.1466422933152931, within(CLOSE));
        // evidently _psi(...)
        assertThat(measure(DriftMethod.PSI, reference, current).value()).isCloseTo(0.3435804768083988, within(CLOSE));
        // evidently _psi(a50 b30 c20, a65 b35 c20)
        assertThat(measure(DriftMethod.PSI, reference, CategoricalDistribution.of(repeat("a", 65, "b", 35, "c", 20)))
                .value()).isCloseTo(0.009647255354251644, within(CLOSE));
        // known_answers.py tfdv_jsd (NumPy transcription of TFDV metrics.cc), log2
        assertThat(measure(DriftMethod.APPROXIMATE_JS_DIVERGENCE, reference, current).value())
                .isCloseTo(0.031023659609200088, within(CLOSE));
        // by hand: shares a 0.5 vs 0.4, b 0.3 vs 0.3, c 0.2 vs 0.25, d 0 vs 0.05: largest 0.1 at 'a'
        DriftMeasurement lInfinity = measure(DriftMethod.L_INFINITY, reference, current);
        assertThat(lInfinity.value()).isCloseTo(0.1, within(CLOSE));
        assertThat(lInfinity.detail()).contains("'a'");
        assertThat(lInfinity.drifted()).isTrue();
    }

    @Test
    void zTestAsEvidently() {
        // evidently _z_stat_test(x60 y40, x45 y55)
        DriftMeasurement z = measure(DriftMethod.Z_TEST, CategoricalDistribution.of(repeat("x", 60, "y", 40)),
                CategoricalDistribution.of(repeat("x", 45, "y", 55)));
        assertThat(z.value()).isCloseTo(0.03367206885634566, within(CLOSE));
        assertThat(z.drifted()).isTrue();
        // evidently _z_stat_test(x30, x25 y5): a value present on one side only
        assertThat(measure(DriftMethod.Z_TEST, CategoricalDistribution.of(repeat("x", 30)),
                CategoricalDistribution.of(repeat("x", 25, "y", 5))).value())
                .isCloseTo(0.019517481182177665, within(CLOSE));
    }

    @Test
    void tfdvApproximateJensenShannonOnNumbers() {
        // known_answers.py tfdv_jsd(tfdv_align(tfdv_histogram(ref800), tfdv_histogram(cur900)))
        assertThat(measure(DriftMethod.APPROXIMATE_JS_DIVERGENCE, numbers(normalish(800, 7, 10, 2)),
                numbers(normalish(900, 8, 10.5, 2.5))).value()).isCloseTo(0.05323674631929597, within(CLOSE));
        // a constant column is a point bucket, which TFDV keeps apart from every range: divergence 1
        assertThat(measure(DriftMethod.APPROXIMATE_JS_DIVERGENCE, numbers(new double[] {3, 3, 3}),
                numbers(normalish(200, 1, 0, 1))).value()).isEqualTo(1.0);
    }
}
