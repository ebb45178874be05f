package dev.cairn.plugin.data.drift;

import static dev.cairn.plugin.data.drift.Samples.normalish;
import static dev.cairn.plugin.data.drift.Samples.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.api.data.drift.CategoricalDistribution;
import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftReport;
import dev.cairn.api.data.drift.DriftSettings;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.data.drift.NumericDistribution;
import dev.cairn.plugin.data.profile.CsvRowSource;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.ProfileOptions;
import dev.cairn.plugin.data.profile.Profiler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A profile of known data gives the distributions the drift tests use, so the report matches scipy's. */
class ProfileDistributionsTest {

    private static DatasetProfile profile(String header, Object[]... columns) throws IOException {
        StringBuilder csv = new StringBuilder(header).append('\n');
        int rows = java.lang.reflect.Array.getLength(columns[0]);
        for (int row = 0; row < rows; row++) {
            for (int c = 0; c < columns.length; c++) {
                csv.append(c == 0 ? "" : ",").append(columns[c][row]);
            }
            csv.append('\n');
        }
        try (CsvRowSource source = new CsvRowSource(new ByteArrayInputStream(csv.toString()
                .getBytes(StandardCharsets.UTF_8)), ',', StandardCharsets.UTF_8)) {
            return Profiler.profile(source, ProfileOptions.defaults());
        }
    }

    private static Object[] boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toArray();
    }

    private static Object[] texts(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "note " + i).toArray();
    }

    @Test
    void numbersBecomeTheirExactValuesAndPopulationMoments() throws IOException {
        double[] x = normalish(200, 1, 0, 1);
        ProfileDistributions read = ProfileDistributions.of(profile("x,note", boxed(x), texts(200)));
        NumericDistribution column = (NumericDistribution) read.distributions().get("x");
        NumericDistribution direct = NumericSketches.of(x);
        assertThat(column.count()).isEqualTo(200);
        assertThat(column.exactValues()).containsExactlyInAnyOrder(x);
        assertThat(column.mean()).isCloseTo(direct.mean(), within(1e-12));
        // numpy.std (n), not the profile's sample deviation (n - 1)
        assertThat(column.standardDeviation()).isCloseTo(direct.standardDeviation(), within(1e-12));
        assertThat(NumericSketches.read(column).getN()).isEqualTo(200);
        assertThat(read.distributions()).doesNotContainKey("note");
        assertThat(read.notComparable()).containsEntry("note",
                "free text (no category repeats often enough) is not compared");
    }

    @Test
    void twoProfilesGiveScipysKolmogorovSmirnovAndEvidentlysWasserstein() throws IOException {
        ProfileDistributions reference = ProfileDistributions.of(profile("x", boxed(normalish(200, 1, 0, 1))));
        ProfileDistributions current = ProfileDistributions.of(profile("x", boxed(normalish(200, 2, 0.3, 1))));
        DriftReport report = new DriftComparator().compare(reference.distributions(), current.distributions(),
                DriftSettings.defaults());
        FeatureDrift x = report.feature("x").orElseThrow();
        assertThat(x.verdict().method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        // the same constants as KnownAnswersTest (scipy ks_2samp, evidently _wasserstein_distance_norm)
        assertThat(x.verdict().value()).isCloseTo(0.0004306111484986726, within(1e-9));
        assertThat(x.measurement(DriftMethod.WASSERSTEIN_NORMED).orElseThrow().value())
                .isCloseTo(0.4480695379427003, within(1e-9));
    }

    @Test
    void categoriesBecomeTheirExactCounts() throws IOException {
        ProfileDistributions reference = ProfileDistributions.of(profile("kind", repeat("a", 50, "b", 30, "c", 20)));
        ProfileDistributions current = ProfileDistributions.of(profile("kind", repeat("a", 65, "b", 35, "c", 20)));
        assertThat(reference.distributions().get("kind"))
                .isEqualTo(new CategoricalDistribution(Map.of("a", 50L, "b", 30L, "c", 20L)));
        FeatureDrift kind = new DriftComparator().compare(reference.distributions(), current.distributions(),
                DriftSettings.defaults()).feature("kind").orElseThrow();
        // evidently _chi_stat_test(a50 b30 c20, a65 b35 c20)
        assertThat(kind.verdict().method()).isEqualTo(DriftMethod.CHI_SQUARED);
        assertThat(kind.verdict().value()).isCloseTo(0.573753420737433, within(1e-9));
    }

    @Test
    void aLargeColumnKeepsOnlyItsSketch() throws IOException {
        double[] x = normalish(1500, 4, 5, 2);
        NumericDistribution column = (NumericDistribution) ProfileDistributions.of(profile("x", boxed(x)))
                .distributions().get("x");
        assertThat(column.hasExactValues()).isFalse();
        assertThat(column.count()).isEqualTo(1500);
        assertThat(NumericSketches.read(column).getN()).isEqualTo(1500);
        assertThat(column.standardDeviation()).isCloseTo(NumericSketches.of(x).standardDeviation(), within(1e-9));
    }
}
