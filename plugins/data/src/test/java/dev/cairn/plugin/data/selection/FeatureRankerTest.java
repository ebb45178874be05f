package dev.cairn.plugin.data.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.plugin.data.profile.RowSource;
import dev.cairn.plugin.data.selection.FeatureRanking.FeatureScore;
import dev.cairn.plugin.data.selection.FeatureRanking.LabelKind;
import dev.cairn.plugin.data.selection.FeatureRanking.Measure;
import dev.cairn.plugin.data.selection.FeatureRanking.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking engine on tables whose answers are known by hand. */
class FeatureRankerTest {

    private static final SelectionOptions OPTIONS = SelectionOptions.defaults();

    private static FeatureRanking rank(List<String> header, List<String[]> rows, String label) {
        return FeatureRanker.rank(SampledColumns.of(header, rows), label, OPTIONS, p -> { }, () -> false);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** 36 rows: the label cycles a, b, c; copy is the label; noise takes each value equally often with each class. */
    private static List<String[]> copyAndNoise() {
        List<String[]> rows = new ArrayList<>();
        String[] classes = {"a", "b", "c"};
        for (int i = 0; i < 36; i++) {
            rows.add(new String[] {classes[i % 3], String.valueOf((i / 3) % 4), classes[i % 3]});
        }
        return rows;
    }

    @Test
    void aFeatureEqualToTheLabelRanksFirstWithTheLabelsEntropyAndAnIndependentOneScoresZero() {
        FeatureRanking ranking = rank(List.of("copy", "noise", "label"), copyAndNoise(), "label");

        assertThat(ranking.labelKind()).isEqualTo(LabelKind.CLASSES);
        assertThat(ranking.labelEntropy()).isCloseTo(log2(3), within(1e-12));
        FeatureScore copy = ranking.feature("copy").orElseThrow();
        FeatureScore noise = ranking.feature("noise").orElseThrow();
        assertThat(copy.mutualInformation()).isCloseTo(log2(3), within(1e-12));
        assertThat(noise.mutualInformation()).isCloseTo(0, within(1e-12));
        assertThat(copy.measure()).isEqualTo(Measure.CRAMERS_V);
        assertThat(copy.correlation()).isCloseTo(1, within(1e-12));
        assertThat(noise.correlation()).isCloseTo(0, within(1e-12));
        for (Method method : Method.values()) {
            assertThat(ranking.top(method, 1)).as(method.title()).containsExactly("copy");
        }
        // MIM's score is the mutual information itself: Tribuo counted the same codes.
        assertThat(copy.placement(Method.MIM).score()).isCloseTo(copy.mutualInformation(), within(1e-12));
        assertThat(noise.placement(Method.MIM).score()).isCloseTo(noise.mutualInformation(), within(1e-12));
    }

    @Test
    void anIndependentNumericFeatureScoresNearZeroAgainstARandomLabel() {
        java.util.Random random = new java.util.Random(7);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(new String[] {String.valueOf(random.nextGaussian()), random.nextBoolean() ? "yes" : "no"});
        }
        FeatureScore x = rank(List.of("x", "y"), rows, "y").feature("x").orElseThrow();
        // Ten bins against two classes: the bias of the plug-in estimate is about (10-1)(2-1)/(2 n ln 2) = 0.0003 bits.
        assertThat(x.mutualInformation()).isLessThan(0.002);
        assertThat(x.measure()).isEqualTo(Measure.PEARSON);
        assertThat(x.correlation()).isLessThan(0.03);
    }

    @Test
    void cramersVOnHandComputedTables() {
        // [[20, 10], [10, 20]]: expected 15 in each cell, chi² = 4 * 25/15 = 20/3, V = sqrt((20/3) / 60) = 1/3.
        List<String[]> rows = new ArrayList<>();
        addCells(rows, "red", "yes", 20);
        addCells(rows, "red", "no", 10);
        addCells(rows, "blue", "yes", 10);
        addCells(rows, "blue", "no", 20);
        FeatureScore colour = rank(List.of("colour", "bought"), rows, "bought").feature("colour").orElseThrow();
        assertThat(colour.measure()).isEqualTo(Measure.CRAMERS_V);
        assertThat(colour.correlation()).isCloseTo(1.0 / 3, within(1e-12));

        // 3 x 2 [[10, 0], [0, 10], [5, 5]]: expected 5 everywhere, chi² = 4 * 25/5 = 20, n = 30, V = sqrt(20 / 30).
        int[] x = new int[30];
        int[] y = new int[30];
        int i = 0;
        for (int[] cell : new int[][] {{0, 0, 10}, {1, 1, 10}, {2, 0, 5}, {2, 1, 5}}) {
            for (int k = 0; k < cell[2]; k++, i++) {
                x[i] = cell[0];
                y[i] = cell[1];
            }
        }
        assertThat(Association.cramersV(x, 3, y, 2)).isCloseTo(Math.sqrt(20.0 / 30), within(1e-12));
    }

    private static void addCells(List<String[]> rows, String feature, String label, int count) {
        for (int k = 0; k < count; k++) {
            rows.add(new String[] {feature, label});
        }
    }

    @Test
    void pearsonOnAHandComputedTableAndForANumericLabel() {
        // x 1..5, y 2 4 5 4 5: sxy = 6, sxx = 10, syy = 6, r = 6 / sqrt(60).
        assertThat(Association.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5}))
                .isCloseTo(6 / Math.sqrt(60), within(1e-12));
        // A falling line: |r| = 1, against a numeric label with more values than bins.
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new String[] {String.valueOf(100 - 2 * i), String.valueOf(i), i % 2 == 0 ? "even" : "odd"});
        }
        FeatureRanking ranking = rank(List.of("falling", "target", "parity"), rows, "target");
        assertThat(ranking.labelKind()).isEqualTo(LabelKind.NUMERIC);
        assertThat(ranking.labelSymbols()).isEqualTo(10);
        FeatureScore falling = ranking.feature("falling").orElseThrow();
        assertThat(falling.measure()).isEqualTo(Measure.PEARSON);
        assertThat(falling.correlation()).isCloseTo(1, within(1e-12));
        // Against the label's ten equal bins, the falling line's ten bins match one to one: MI = log2(10).
        assertThat(falling.mutualInformation()).isCloseTo(log2(10), within(1e-12));
        assertThat(ranking.feature("parity").orElseThrow().measure()).isEqualTo(Measure.CRAMERS_V);
        // A constant column has no correlation.
        assertThat(Association.pearson(new double[] {3, 3, 3}, new double[] {1, 2, 3})).isNull();
    }

    /**
     * a (0..3) gives the label's first bit exactly (1 bit); b gives its second bit through noise that flips it one time in
     * four (1 - H(1/4) = 0.19 bits); a2 is a copy of a. MIM ranks the copies first and second; CMIM, JMI and mRMR see that
     * the copy adds nothing once a is chosen, and take b before it.
     */
    @Test
    void aRedundantCopyOfTheTopFeatureIsRankedLowerByMrmrAndCmimThanByMim() {
        List<String[]> rows = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 2; b++) {
                for (int noise = 0; noise < 4; noise++) {
                    int second = noise == 0 ? 1 - b : b;
                    rows.add(new String[] {String.valueOf(a), String.valueOf(b), String.valueOf(a), String.valueOf(2 * (a / 2) + second)});
                }
            }
        }
        FeatureRanking ranking = rank(List.of("a", "b", "a2", "label"), rows, "label");
        FeatureScore a = ranking.feature("a").orElseThrow();
        FeatureScore b = ranking.feature("b").orElseThrow();
        FeatureScore a2 = ranking.feature("a2").orElseThrow();
        assertThat(a.mutualInformation()).isCloseTo(1, within(1e-12));
        assertThat(b.mutualInformation()).isCloseTo(1 + 0.25 * log2(0.25) + 0.75 * log2(0.75), within(1e-12));

        assertThat(secondCopy(a, a2, Method.MIM)).isEqualTo(2);
        assertThat(b.placement(Method.MIM).rank()).isEqualTo(3);
        for (Method method : List.of(Method.MRMR, Method.CMIM, Method.JMI)) {
            assertThat(secondCopy(a, a2, method)).as(method.title()).isEqualTo(3);
            assertThat(b.placement(method).rank()).as(method.title()).isEqualTo(2);
        }
    }

    private static int secondCopy(FeatureScore a, FeatureScore a2, Method method) {
        return Math.max(a.placement(method).rank(), a2.placement(method).rank());
    }

    @Test
    void rowsWithoutALabelAreLeftOutAndCounted() {
        List<String[]> rows = new ArrayList<>(copyAndNoise());
        rows.add(new String[] {"a", "0", ""});
        rows.add(new String[] {"b", "1", "NA"});
        FeatureRanking ranking = rank(List.of("copy", "noise", "label"), rows, "label");
        assertThat(ranking.rowsRead()).isEqualTo(38);
        assertThat(ranking.rowsWithoutLabel()).isEqualTo(2);
        assertThat(ranking.feature("copy").orElseThrow().mutualInformation()).isCloseTo(log2(3), within(1e-12));
    }

    @Test
    void aLabelThatIsNoColumnOrHasOneValueIsRefusedSayingSo() {
        assertThatThrownBy(() -> rank(List.of("x", "y"), List.<String[]>of(new String[] {"1", "a"}), "z"))
                .hasMessage("Label: the version has no column z.");
        assertThatThrownBy(() -> rank(List.of("x", "y"), List.of(new String[] {"1", "a"}, new String[] {"2", "a"}), "y"))
                .hasMessage("Label: y has a single value in the 2 rows read: there is nothing to rank the features against.");
        assertThatThrownBy(() -> rank(List.of("y"), List.<String[]>of(new String[] {"a"}), "y"))
                .hasMessage("Label: the version has no column besides y to rank.");
    }

    @Test
    void readingStopsAtTheRowBoundAndSaysTheVersionWasSampled() throws Exception {
        List<String[]> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(new String[] {String.valueOf(i), i % 2 == 0 ? "a" : "b"});
        }
        SampledColumns three = SampledColumns.read(source(List.of("x", "y"), five), 3, read -> { }, () -> false);
        assertThat(three.rows()).isEqualTo(3);
        assertThat(three.sampled()).isTrue();
        assertThat(three.column(0)).containsExactly("0", "1", "2");
        SampledColumns all = SampledColumns.read(source(List.of("x", "y"), five), 5, read -> { }, () -> false);
        assertThat(all.rows()).isEqualTo(5);
        assertThat(all.sampled()).isFalse();
    }

    @Test
    void aCancelledRankingStopsBeforeTribuo() {
        assertThatThrownBy(() -> FeatureRanker.rank(SampledColumns.of(List.of("copy", "noise", "label"), copyAndNoise()), "label", OPTIONS,
                p -> { }, () -> true)).isInstanceOf(RankingCancelledException.class);
    }

    private static RowSource source(List<String> header, List<String[]> rows) {
        Iterator<String[]> it = rows.iterator();
        return new RowSource() {
            @Override
            public List<String> header() {
                return header;
            }

            @Override
            public String[] next() {
                return it.hasNext() ? it.next() : null;
            }
        };
    }
}
