package dev.cairn.plugin.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Past the exact limits the profile answers from sketches: these checks compare those answers
 * with exact ones computed here from the same rows.
 */
class ProfileSketchAccuracyTest {

    private static final int ROWS = 100_000;
    private final List<String[]> rows = Generated.rows(ROWS, 42);
    private final DatasetProfile profile = Csv.profile(Generated.HEADER, rows, ProfileOptions.defaults());
    private final double[] sorted = sortedValues();

    private double[] sortedValues() {
        double[] values = Generated.values(rows, 0);
        Arrays.sort(values);
        return values;
    }

    /** The share of values at or below v. */
    private double exactRank(double v) {
        int i = Arrays.binarySearch(sorted, v);
        if (i < 0) {
            return (double) (-i - 1) / sorted.length;
        }
        while (i + 1 < sorted.length && sorted[i + 1] == v) {
            i++;
        }
        return (double) (i + 1) / sorted.length;
    }

    @Test
    void quantilesFallWithinTheKllRankErrorOfTheExactOnes() {
        Quantiles q = profile.column("x").quantiles().orElseThrow();
        assertThat(q.exact()).isFalse();
        // 1.3% for k = 200 is the bound for 99% of single queries; twice it keeps a seedless sketch
        // (DataSketches randomises its compactions) from failing one run in a hundred.
        assertThat(q.rankError()).isBetween(0.005, 0.02);
        for (int i = 0; i < q.ranks().length; i++) {
            assertThat(exactRank(q.values()[i])).as("rank of the %s quantile", q.ranks()[i])
                    .isCloseTo(q.ranks()[i], within(2 * q.rankError()));
        }
    }

    @Test
    void theMomentsAreExactEvenPastTheLimits() {
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double squares = Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum();
        NumericSummary n = profile.column("x").numeric().orElseThrow();
        assertThat(n.count()).isEqualTo(sorted.length);
        assertThat(n.mean()).isCloseTo(mean, within(1e-9));
        assertThat(n.std()).isCloseTo(Math.sqrt(squares / (sorted.length - 1)), within(1e-9));
        assertThat(n.min()).isEqualTo(sorted[0]);
        assertThat(n.max()).isEqualTo(sorted[sorted.length - 1]);
        assertThat(profile.column("x").missing()).isEqualTo(ROWS - sorted.length);
    }

    @Test
    void histogramBinsFromTheSketchAreCloseToTheExactCounts() {
        Histogram h = profile.column("x").histogram(20).orElseThrow();
        assertThat(h.exact()).isFalse();
        long[] exact = new long[20];
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        for (double v : sorted) {
            exact[Math.min(19, (int) ((v - min) / (max - min) * 20))]++;
        }
        double rankError = profile.column("x").quantiles().orElseThrow().rankError();
        for (int i = 0; i < 20; i++) {
            // A bin is the difference of two ranks, each within 2 x rank error.
            assertThat(h.counts()[i]).as("bin %d", i).isCloseTo(exact[i], within((long) (4 * rankError * sorted.length)));
        }
        assertThat(Arrays.stream(h.counts()).sum()).isCloseTo(sorted.length, within(20L));
    }

    @Test
    void distinctValuesPastTheLimitAreAnHllEstimateSaidToBeOne() {
        Estimate keys = profile.column("key").distinct();
        assertThat(keys.exact()).isFalse();
        // lgK 12: relative standard error 1.04 / sqrt(4096) = 1.6%; 5% is three of them.
        assertThat((double) keys.value()).isCloseTo(ROWS, within(0.05 * ROWS));
        assertThat(profile.column("key").exactCounts()).isEmpty();
    }

    @Test
    void topCategoriesPastTheLimitAreWithinTheSketchsStatedError() {
        Map<String, Long> exact = new HashMap<>();
        rows.forEach(r -> exact.merge(r[1], 1L, Long::sum));
        ColumnProfile category = profile.column("category");
        assertThat(exact.size()).isGreaterThan(ProfileOptions.defaults().exactDistinctLimit());
        assertThat(category.distinct().exact()).isFalse();
        long error = category.topValuesMaximumError();
        List<ValueCount> top = category.topValues(5);
        assertThat(top).hasSize(5).allMatch(v -> !v.exact());
        assertThat(top.get(0).value()).isEqualTo("c0");
        for (ValueCount value : top) {
            assertThat(value.count()).as(value.value()).isCloseTo(exact.get(value.value()), within(error));
        }
        assertThat((double) category.distinct().value()).isCloseTo(exact.size(), within(0.05 * exact.size()));
    }

    @Test
    void staginAndStreamingGiveTheSameStatistics() {
        // A limit of 10 stages at most 160 values: the numeric column streams almost from the start.
        DatasetProfile streamed = Csv.profile(Generated.HEADER, rows, ProfileOptions.defaults().withExactDistinctLimit(10));
        NumericSummary a = profile.column("x").numeric().orElseThrow();
        NumericSummary b = streamed.column("x").numeric().orElseThrow();
        assertThat(b.count()).isEqualTo(a.count());
        assertThat(b.mean()).isCloseTo(a.mean(), within(1e-9));
        assertThat(b.std()).isCloseTo(a.std(), within(1e-9));
        assertThat(streamed.column("x").missing()).isEqualTo(profile.column("x").missing());
        assertThat(streamed.column("category").lengths()).isEqualTo(profile.column("category").lengths());
    }

    @Test
    void smallColumnsKeepTheirValuesAndLargeOnesDoNot() {
        DatasetProfile small = Csv.profile(Generated.HEADER, rows.subList(0, 900), ProfileOptions.defaults());
        double[] kept = small.column("x").exactValues().orElseThrow();
        double[] expected = Generated.values(rows.subList(0, 900), 0);
        Arrays.sort(kept);
        Arrays.sort(expected);
        assertThat(kept).containsExactly(expected);
        assertThat(profile.column("x").exactValues()).isEmpty();
        assertThat(profile.column("x").numericSketch().orElseThrow().getN()).isEqualTo(sorted.length);
    }
}
