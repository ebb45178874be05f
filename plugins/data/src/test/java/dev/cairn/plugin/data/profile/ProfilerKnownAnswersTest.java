package dev.cairn.plugin.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.cairn.api.data.FeatureType;

/** A small data set whose statistics were worked out by hand (the sums are in the comments). */
class ProfilerKnownAnswersTest {

    private static final String PEOPLE = """
            id,age,city,score,active,joined,note,label
            1,34,Paris,1.5,true,2024-01-05,first visit,cat
            2,,Lyon,2.5,false,2024-02-10,called back,dog
            3,41,Paris,NA,true,2024-03-15T10:00:00Z,"wants ""gold"", soon",cat
            4,34,Lyon,4.0,yes,2024-04-20,no answer,dog
            5,29,Paris,-1.0,no,2024-05-25 08:30,moved,cat
            """;

    private final DatasetProfile profile = Csv.profile(PEOPLE, ProfileOptions.defaults().withLabelColumn("label"));

    @Test
    void countsRowsAndFindsNoDuplicatesAmongDistinctRows() {
        assertThat(profile.rows()).isEqualTo(5);
        assertThat(profile.duplicateRows()).isEqualTo(new Estimate(0, true));
        assertThat(profile.columnNames()).containsExactly("id", "age", "city", "score", "active", "joined", "note",
                "label");
    }

    @Test
    void infersEachColumnsType() {
        assertThat(profile.columns()).extracting(ColumnProfile::type).containsExactly(FeatureType.INTEGER,
                FeatureType.INTEGER, FeatureType.CATEGORICAL, FeatureType.DECIMAL, FeatureType.BOOLEAN,
                FeatureType.TIMESTAMP, FeatureType.TEXT, FeatureType.CATEGORICAL);
    }

    @Test
    void computesTheMomentsOfAnIntegerColumnWithAMissingValue() {
        ColumnProfile age = profile.column("age");
        assertThat(age.count()).isEqualTo(4);
        assertThat(age.missing()).isEqualTo(1);
        NumericSummary n = age.numeric().orElseThrow();
        // 34 + 41 + 34 + 29 = 138, / 4 = 34.5; squared deviations .25 + 42.25 + .25 + 30.25 = 73, / 3
        assertThat(n.mean()).isEqualTo(34.5);
        assertThat(n.std()).isCloseTo(Math.sqrt(73.0 / 3), within(1e-12));
        assertThat(n.min()).isEqualTo(29);
        assertThat(n.max()).isEqualTo(41);
        assertThat(n.integers()).isEqualTo(4);
        assertThat(age.distinct()).isEqualTo(new Estimate(3, true));
        assertThat(age.topValues(1)).containsExactly(new ValueCount("34", 2, true));
    }

    @Test
    void treatsNaAsMissingAndReadsSignedDecimals() {
        ColumnProfile score = profile.column("score");
        assertThat(score.missing()).isEqualTo(1);
        NumericSummary n = score.numeric().orElseThrow();
        // 1.5 + 2.5 + 4.0 - 1.0 = 7, / 4 = 1.75; squared deviations .0625 + .5625 + 5.0625 + 7.5625 = 13.25, / 3
        assertThat(n.mean()).isEqualTo(1.75);
        assertThat(n.std()).isCloseTo(Math.sqrt(13.25 / 3), within(1e-12));
        assertThat(n.min()).isEqualTo(-1.0);
        assertThat(n.integers()).isZero();
    }

    @Test
    void givesExactQuantilesAndHistogramsWhileTheValuesAreKept() {
        ColumnProfile id = profile.column("id");
        Quantiles q = id.quantiles(0, 0.2, 0.5, 0.9, 1).orElseThrow();
        assertThat(q.exact()).isTrue();
        // The smallest value with at least that share of values at or below it.
        assertThat(q.values()).containsExactly(1, 1, 3, 5, 5);
        Histogram h = id.histogram(2).orElseThrow();
        assertThat(h.exact()).isTrue();
        assertThat(h.edges()).containsExactly(1, 3, 5);
        assertThat(h.counts()).containsExactly(2, 3); // [1, 3) holds 1 and 2; [3, 5] holds 3, 4, 5
        assertThat(id.exactValues().orElseThrow()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(id.numericSketch().orElseThrow().getN()).isEqualTo(5);
    }

    @Test
    void countsCategoriesAndTheirLengths() {
        ColumnProfile city = profile.column("city");
        assertThat(city.topValues(10)).containsExactly(new ValueCount("Paris", 3, true), new ValueCount("Lyon", 2, true));
        assertThat(city.exactCounts().orElseThrow()).containsExactly(Map.entry("Paris", 3L), Map.entry("Lyon", 2L));
        assertThat(city.numeric()).isEmpty();
        assertThat(city.histogram(10)).isEmpty();
        // Paris 5 x 3 + Lyon 4 x 2 = 23 characters over 5 values
        assertThat(city.lengths().orElseThrow()).isEqualTo(new StringLengths(4, 4.6, 5));
    }

    @Test
    void readsQuotedTextAndIsoTimestamps() {
        ColumnProfile note = profile.column("note");
        assertThat(note.topValues(10)).extracting(ValueCount::value).contains("wants \"gold\", soon");
        assertThat(note.distinct()).isEqualTo(new Estimate(5, true));
        TimestampRange range = profile.column("joined").timestamps().orElseThrow();
        assertThat(range.min()).isEqualTo(Instant.parse("2024-01-05T00:00:00Z"));
        assertThat(range.max()).isEqualTo(Instant.parse("2024-05-25T08:30:00Z"));
    }

    @Test
    void reportsTheLabelsClassBalance() {
        ClassBalance balance = profile.classBalance().orElseThrow();
        assertThat(balance.exact()).isTrue();
        assertThat(balance.classes()).containsExactly(new ValueCount("cat", 3, true), new ValueCount("dog", 2, true));
        assertThat(balance.share("cat")).isEqualTo(0.6);
        assertThat(balance.share("bird")).isZero();
        assertThat(Csv.profile(PEOPLE).classBalance()).isEmpty();
    }

    @Test
    void countsRowsRepeatedFieldForFieldAsDuplicates() {
        DatasetProfile repeated = Csv.profile("""
                a,b
                x,y
                y,x
                x,y
                x,
                x,y
                """);
        // Rows 3 and 5 repeat row 1; "y,x" has the same fields in another order and is no duplicate.
        assertThat(repeated.duplicateRows()).isEqualTo(new Estimate(2, true));
    }

    @Test
    void keepsNanAndInfinityOutOfTheMomentsAndCountsThem() {
        ColumnProfile x = Csv.profile("x\n1\nNaN\n-Infinity\n3\ninf\n").column("x");
        assertThat(x.type()).isEqualTo(FeatureType.DECIMAL);
        NumericSummary n = x.numeric().orElseThrow();
        assertThat(n.count()).isEqualTo(2);
        assertThat(n.mean()).isEqualTo(2);
        assertThat(n.nan()).isEqualTo(1);
        assertThat(n.infinite()).isEqualTo(2);
        assertThat(x.count()).isEqualTo(5);
    }

    @Test
    void aWholeNumberWrittenWithAPointMakesTheColumnDecimal() {
        assertThat(Csv.profile("x\n1\n2\n3.0\n").column("x").type()).isEqualTo(FeatureType.DECIMAL);
        assertThat(Csv.profile("x\n1\n-2\n+3\n").column("x").type()).isEqualTo(FeatureType.INTEGER);
        assertThat(Csv.profile("x\n0\n1\n1\n0\n").column("x").type()).isEqualTo(FeatureType.INTEGER);
    }

    @Test
    void oneNonNumberMakesANumericColumnTextButKeepsTheNumbersStatistics() {
        ColumnProfile x = Csv.profile("x\n1\n2\n12a\n").column("x");
        assertThat(x.type()).isEqualTo(FeatureType.TEXT);
        assertThat(x.numeric().orElseThrow().mean()).isEqualTo(1.5);
    }

    @Test
    void valuesThatDoNotRepeatAreTextAndOnesThatDoAreCategories() {
        assertThat(Csv.profile("x\na\nb\nc\nd\n").column("x").type()).isEqualTo(FeatureType.TEXT);
        assertThat(Csv.profile("x\na\nb\na\nb\n").column("x").type()).isEqualTo(FeatureType.CATEGORICAL);
        // Past the exact limit the values cannot be categories.
        assertThat(Csv.profile("x\na\nb\na\nb\nc\nc\n", ProfileOptions.defaults().withExactDistinctLimit(2))
                .column("x").type()).isEqualTo(FeatureType.TEXT);
    }

    @Test
    void aColumnWithoutValuesIsTextAndAllMissing() {
        ColumnProfile empty = Csv.profile("x,y\n,1\n  ,2\nnull,3\n").column("x");
        assertThat(empty.missing()).isEqualTo(3);
        assertThat(empty.count()).isZero();
        assertThat(empty.type()).isEqualTo(FeatureType.TEXT);
        assertThat(empty.numeric()).isEmpty();
        assertThat(empty.lengths()).isEmpty();
        assertThat(empty.distinct()).isEqualTo(new Estimate(0, true));
    }

    @Test
    void theMissingTokensCanBeChosen() {
        ProfileOptions questionMark = ProfileOptions.defaults().withMissingTokens(Set.of("?"));
        ColumnProfile x = Csv.profile("x,y\nNA,1\n?,2\n,3\n", questionMark).column("x");
        assertThat(x.missing()).isEqualTo(2); // "?" and the empty field; NA is a value now
        assertThat(x.topValues(5)).containsExactly(new ValueCount("NA", 1, true));
    }

    @Test
    void refusesAHeaderItCannotProfileNamingWhatIsWrong() {
        assertThatThrownBy(() -> new ProfileBuilder(List.of("a", "b", "a"), ProfileOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> new ProfileBuilder(List.of("a", " "), ProfileOptions.defaults()))
                .hasMessageContaining("column 2 has no name");
        assertThatThrownBy(() -> new ProfileBuilder(List.of("a"), ProfileOptions.defaults().withLabelColumn("y")))
                .hasMessageContaining("label column 'y' is not in the header");
    }

    @Test
    void refusesARaggedRowNamingItsLine() {
        assertThatThrownBy(() -> Csv.profile("a,b\n1,2\n3\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Record 3 has 1 fields, but first record had 2 fields");
        try (ProfileBuilder builder = new ProfileBuilder(List.of("a", "b"), ProfileOptions.defaults())) {
            builder.add(new String[] {"1", "2"});
            assertThatThrownBy(() -> builder.add(new String[] {"1", "2", "3"}))
                    .hasMessage("row 2 has 3 fields, the header 2");
        }
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> Csv.profile("")).hasMessage("the file is empty: it has no header");
    }
}
