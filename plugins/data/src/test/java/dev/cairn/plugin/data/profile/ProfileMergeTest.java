package dev.cairn.plugin.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Two batches' profiles merge into the profile of both, without reading either again. */
class ProfileMergeTest {

    private static final List<String> HEADER = List.of("n", "city", "label");

    private static List<String[]> rows(String... lines) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    private static final List<String[]> FIRST = rows("1,Paris,a", "2,Lyon,b", "3,,a", "2,Lyon,b");
    private static final List<String[]> SECOND = rows("10,Nice,a", "1,Paris,a", "x,Paris,b");
    private static final ProfileOptions OPTIONS = ProfileOptions.defaults().withLabelColumn("label");

    private static DatasetProfile profile(List<String[]> rows) {
        return Csv.profile(HEADER, rows, OPTIONS);
    }

    private static List<String[]> both() {
        List<String[]> all = new ArrayList<>(FIRST);
        all.addAll(SECOND);
        return all;
    }

    @Test
    void mergedBatchesGiveTheProfileOfAllTheirRows() {
        DatasetProfile merged = profile(FIRST).merge(profile(SECOND));
        DatasetProfile whole = profile(both());
        assertThat(Describe.profile(merged)).isEqualTo(Describe.profile(whole));
        // Worked out by hand: row 4 repeats row 2, and "1,Paris,a" of the second batch row 1.
        assertThat(merged.duplicateRows()).isEqualTo(new Estimate(2, true));
        assertThat(merged.rows()).isEqualTo(7);
        assertThat(merged.column("n").numeric().orElseThrow().mean()).isCloseTo(19.0 / 6, within(1e-12));
        assertThat(merged.column("city").missing()).isEqualTo(1);
        assertThat(merged.classBalance().orElseThrow().classes()).containsExactly(new ValueCount("a", 4, true),
                new ValueCount("b", 3, true));
    }

    @Test
    void mergingChangesNeitherInput() {
        DatasetProfile first = profile(FIRST);
        String before = Describe.profile(first);
        first.merge(profile(SECOND));
        assertThat(Describe.profile(first)).isEqualTo(before);
    }

    @Test
    void storedProfilesMergeAsWellAsFreshOnes() {
        DatasetProfile stored = ProfileCodec.fromBytes(ProfileCodec.toBytes(profile(FIRST)));
        DatasetProfile merged = stored.merge(ProfileCodec.fromBytes(ProfileCodec.toBytes(profile(SECOND))));
        assertThat(Describe.profile(merged)).isEqualTo(Describe.profile(profile(both())));
    }

    @Test
    void largeBatchesMergeTheirSketches() {
        List<String[]> a = Generated.rows(30_000, 1);
        List<String[]> b = Generated.rows(30_000, 2);
        DatasetProfile merged = Csv.profile(Generated.HEADER, a, ProfileOptions.defaults())
                .merge(Csv.profile(Generated.HEADER, b, ProfileOptions.defaults()));
        List<String[]> all = new ArrayList<>(a);
        all.addAll(b);
        DatasetProfile whole = Csv.profile(Generated.HEADER, all, ProfileOptions.defaults());
        assertThat(merged.rows()).isEqualTo(60_000);
        NumericSummary m = merged.column("x").numeric().orElseThrow();
        NumericSummary w = whole.column("x").numeric().orElseThrow();
        assertThat(m.count()).isEqualTo(w.count());
        assertThat(m.mean()).isCloseTo(w.mean(), within(1e-9));
        assertThat(m.std()).isCloseTo(w.std(), within(1e-9));
        assertThat(merged.column("x").numericSketch().orElseThrow().getN()).isEqualTo(w.count());
        double mergedMedian = merged.column("x").quantiles(0.5).orElseThrow().values()[0];
        double wholeMedian = whole.column("x").quantiles(0.5).orElseThrow().values()[0];
        assertThat(mergedMedian).isCloseTo(wholeMedian, within(1.0)); // std 15: 1.3% of ranks is about 0.5
        Estimate keys = merged.column("key").distinct();
        assertThat(keys.exact()).isFalse();
        assertThat((double) keys.value()).isCloseTo(60_000, within(3_000.0));
        // The stored hashes (up to 10,000 rows per batch) are not kept past that: duplicates are estimated.
        assertThat(merged.duplicateRows().exact()).isFalse();
        assertThat(whole.duplicateRows()).isEqualTo(new Estimate(0, true));
    }

    @Test
    void profilesOfOtherColumnsOrOptionsDoNotMerge() {
        DatasetProfile first = profile(FIRST);
        DatasetProfile other = Csv.profile(List.of("n", "town", "label"), FIRST, OPTIONS);
        assertThatThrownBy(() -> first.merge(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different columns").hasMessageContaining("town");
        DatasetProfile noLabel = Csv.profile(HEADER, FIRST, ProfileOptions.defaults());
        assertThatThrownBy(() -> first.merge(noLabel)).hasMessageContaining("different options");
    }
}
