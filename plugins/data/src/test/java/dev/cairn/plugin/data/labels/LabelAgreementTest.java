package dev.cairn.plugin.data.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.plugin.data.profile.CsvRowSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Label agreement with known answers computed independently, in a throw-away venv
 * ({@code python3 -m venv .tools-bench/labels-venv; .tools-bench/labels-venv/bin/pip install scikit-learn statsmodels},
 * scikit-learn 1.9.1, statsmodels 0.15.0), with the inputs written out in each test:
 * <pre>
 * from sklearn.metrics import cohen_kappa_score, confusion_matrix
 * from statsmodels.stats.inter_rater import fleiss_kappa, aggregate_raters
 * cohen_kappa_score(a, b)                                # the complete rows of a and b
 * fleiss_kappa(aggregate_raters(np.array([r1, r2, r3]).T)[0], method='fleiss')
 * </pre>
 */
class LabelAgreementTest {

    private static final double EXACT = 1e-12;

    private static AgreementReport agreement(LabelColumns columns, List<String[]> rows) {
        LabelAgreement agreement = new LabelAgreement(columns);
        for (int i = 0; i < rows.size(); i++) {
            agreement.add(i + 1, null, rows.get(i));
        }
        return agreement.report();
    }

    private static List<String[]> columns(String[]... labellers) {
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < labellers[0].length; r++) {
            String[] row = new String[labellers.length];
            for (int l = 0; l < labellers.length; l++) {
                row[l] = labellers[l][r];
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void twoLabellersGetCohensKappaTheirConfusionAndTheDisagreeingRowsAMissingLabelLeftOutAndSaid() {
        // a = [cat,cat,dog,bird,dog,cat,dog,bird,cat,dog,dog,cat]; b = [cat,dog,dog,bird,dog,cat,None,cat,cat,dog,bird,cat]
        // Over the 11 rows both labelled: cohen_kappa_score = 0.5657894736842104, agreement 8/11,
        // confusion_matrix(labels=[bird,cat,dog]) = [[1,1,0],[0,4,1],[1,0,3]].
        String[] a = {"cat", "cat", "dog", "bird", "dog", "cat", "dog", "bird", "cat", "dog", "dog", "cat"};
        String[] b = {"cat", "dog", "dog", "bird", "dog", "cat", "", "cat", "cat", "dog", "bird", "cat"};

        AgreementReport report = agreement(new LabelColumns(List.of("ann", "bob")), columns(a, b));

        assertThat(report.cohensKappa()).isPresent();
        assertThat(report.fleissKappa()).isEmpty();
        assertThat(report.kappa().value()).isCloseTo(0.5657894736842104, within(EXACT));
        assertThat(report.kappa().interpretation()).isEqualTo("moderate");
        assertThat(report.agreement()).isCloseTo(8.0 / 11, within(EXACT));
        assertThat(report.rows()).isEqualTo(12);
        assertThat(report.complete()).isEqualTo(11);
        assertThat(report.missingLabels()).contains("1 of 12 rows lack a label from at least one labeller: they are left out of kappa"
                + " and the agreement (each pair of labellers is compared over the rows both labelled).");
        assertThat(report.categories()).containsExactly("bird", "cat", "dog");
        Confusion confusion = report.pairs().getFirst().confusion();
        assertThat(confusion.first()).isEqualTo("ann");
        assertThat(confusion.second()).isEqualTo("bob");
        assertThat(confusion.counts()).isDeepEqualTo(new long[][] {{1, 1, 0}, {0, 4, 1}, {1, 0, 3}});
        assertThat(confusion.count("bird", "cat")).isEqualTo(1);
        assertThat(confusion.total()).isEqualTo(11);
        assertThat(report.disagreeing()).isEqualTo(3);
        assertThat(report.allDisagreementsListed()).isTrue();
        assertThat(report.disagreements()).containsExactly(new Disagreement(2, null, List.of("cat", "dog")),
                new Disagreement(8, null, List.of("bird", "cat")), new Disagreement(11, null, List.of("dog", "bird")));
    }

    @Test
    void threeLabellersGetFleissKappaAndEachPairsCohensKappa() {
        // r1 = [yes,yes,no,no,yes,no,yes,yes,no,no]; r2 = [yes,no,no,no,yes,no,yes,no,no,yes]; r3 = [yes,yes,no,yes,yes,no,no,yes,no,no]
        // fleiss_kappa = 0.33035714285714274; every labeller agrees on 5 of 10 rows;
        // cohen_kappa_score(r1, r2) = 0.4, (r1, r3) = 0.6, (r2, r3) = 0.0.
        String[] r1 = {"yes", "yes", "no", "no", "yes", "no", "yes", "yes", "no", "no"};
        String[] r2 = {"yes", "no", "no", "no", "yes", "no", "yes", "no", "no", "yes"};
        String[] r3 = {"yes", "yes", "no", "yes", "yes", "no", "no", "yes", "no", "no"};

        AgreementReport report = agreement(new LabelColumns(List.of("r1", "r2", "r3")), columns(r1, r2, r3));

        assertThat(report.cohensKappa()).isEmpty();
        assertThat(report.fleissKappa().orElseThrow().value()).isCloseTo(0.33035714285714274, within(EXACT));
        assertThat(report.kappa().interpretation()).isEqualTo("fair");
        assertThat(report.agreement()).isEqualTo(0.5);
        assertThat(report.missingLabels()).isEmpty();
        assertThat(report.pairs()).extracting(p -> p.first() + "-" + p.second()).containsExactly("r1-r2", "r1-r3", "r2-r3");
        assertThat(report.pairs()).extracting(p -> p.kappa().value()).satisfiesExactly(
                k -> assertThat(k).isCloseTo(0.4, within(EXACT)), k -> assertThat(k).isCloseTo(0.6, within(EXACT)),
                k -> assertThat(k).isCloseTo(0.0, within(EXACT)));
        assertThat(report.disagreements()).extracting(Disagreement::row).containsExactly(2L, 4L, 7L, 8L, 10L);
    }

    @Test
    void fleissKappaOfFleissOwnExampleOfFourteenRatersOverTenSubjects() {
        // Fleiss (1971), as on Wikipedia's "Fleiss' kappa" page: the count of the 14 raters choosing each of 5 categories.
        // fleiss_kappa(table, method='fleiss') = 0.20993070442195522 (Wikipedia: 0.210).
        int[][] table = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1}, {7, 7, 0, 0, 0},
                {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        List<String> raters = new ArrayList<>();
        for (int r = 1; r <= 14; r++) {
            raters.add("rater" + r);
        }
        LabelAgreement agreement = new LabelAgreement(new LabelColumns(raters));
        for (int subject = 0; subject < table.length; subject++) {
            List<String> labels = new ArrayList<>();
            for (int category = 0; category < 5; category++) {
                for (int n = 0; n < table[subject][category]; n++) {
                    labels.add("c" + (category + 1));
                }
            }
            agreement.add(subject + 1, null, labels.toArray(String[]::new));
        }

        AgreementReport report = agreement.report();

        assertThat(report.fleissKappa().orElseThrow().value()).isCloseTo(0.20993070442195522, within(EXACT));
        assertThat(report.kappa().interpretation()).isEqualTo("fair");
        assertThat(report.agreement()).as("only the first subject's 14 raters all agree").isEqualTo(0.1);
    }

    @Test
    void blankEmptyAndMissingTokensAreNoLabelAndWithNoCompleteRowKappaIsUndefinedAndSaid() {
        AgreementReport report = agreement(new LabelColumns(List.of("a", "b")), List.of(new String[] {"x", "NA"},
                new String[] {" ", "y"}, new String[] {null, "null"}));

        assertThat(report.complete()).isZero();
        assertThat(report.kappa().defined()).isFalse();
        assertThat(report.agreement()).isNaN();
        assertThat(report.missingLabels()).contains("No row has a label from every labeller, so kappa and the agreement cannot be"
                + " computed (each pair of labellers is compared over the rows both labelled).");
        assertThat(report.disagreeing()).isZero();
    }

    @Test
    void whenEveryLabelIsTheSameCategoryKappaIsUndefinedAsScikitLearnSays() {
        // cohen_kappa_score([a, a], [a, a]) = nan (chance agreement is already 1).
        AgreementReport report = agreement(new LabelColumns(List.of("a", "b")), List.of(new String[] {"spam", "spam"},
                new String[] {"spam", " spam "}));

        assertThat(report.agreement()).isEqualTo(1.0);
        assertThat(report.kappa().defined()).isFalse();
        assertThat(report.kappa().interpretation()).isEqualTo("undefined: every label is the same category");
    }

    @Test
    void kappaIsReadOnLandisAndKochsScale() {
        assertThat(new Kappa(-0.1).interpretation()).isEqualTo("poor (less than chance)");
        assertThat(new Kappa(0.2).interpretation()).isEqualTo("slight");
        assertThat(new Kappa(0.21).interpretation()).isEqualTo("fair");
        assertThat(new Kappa(0.5).interpretation()).isEqualTo("moderate");
        assertThat(new Kappa(0.8).interpretation()).isEqualTo("substantial");
        assertThat(new Kappa(0.81).interpretation()).isEqualTo("almost perfect");
    }

    @Test
    void theReportListsAtMostItsLimitOfDisagreeingRowsAndSaysSo() {
        LabelAgreement agreement = new LabelAgreement(new LabelColumns(List.of("a", "b")), 2);
        for (int i = 1; i <= 5; i++) {
            agreement.add(i, null, new String[] {"x", "y"});
        }
        AgreementReport report = agreement.report();

        assertThat(report.disagreeing()).isEqualTo(5);
        assertThat(report.disagreements()).hasSize(2);
        assertThat(report.allDisagreementsListed()).isFalse();
    }

    @Test
    void labelColumnsAreCheckedWithMessagesNamingWhatIsWrong() {
        assertThatThrownBy(() -> new LabelColumns(List.of("a"))).hasMessage("Label columns: choose at least two (one per labeller), not 1.");
        assertThatThrownBy(() -> new LabelColumns(List.of("a", "a"))).hasMessage("Label columns: each column may be chosen once; [a, a] repeats one.");
        assertThatThrownBy(() -> new LabelColumns(List.of("a", " "))).hasMessage("Label columns: a column name is empty.");
        assertThatThrownBy(() -> new LabelColumns(List.of("a", "b"), "a"))
                .hasMessage("Key column: a is also a label column; choose an id column, or none.");
    }

    private static CsvRowSource csv(String text) {
        return new CsvRowSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ',', StandardCharsets.UTF_8);
    }

    @Test
    void aVersionsRowsAreReadByColumnNameWithTheKeyAndAnUnknownColumnIsNamed() throws IOException {
        String text = "id,text,ann,bob\n17,hello,pos,pos\n18,bye,neg,pos\n19,meh,neg,\n";

        AgreementReport report = LabelReader.agreement(csv(text), new LabelColumns(List.of("ann", "bob"), "id"), 100);

        assertThat(report.disagreements()).containsExactly(new Disagreement(2, "18", List.of("neg", "pos")));
        assertThat(report.complete()).isEqualTo(2);
        assertThatThrownBy(() -> LabelReader.agreement(csv(text), new LabelColumns(List.of("ann", "carol")), 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Label column: the version has no column 'carol' (its columns: id, text, ann, bob).");
        assertThatThrownBy(() -> LabelReader.agreement(csv(text), new LabelColumns(List.of("ann", "bob"), "key"), 100))
                .hasMessage("Key column: the version has no column 'key' (its columns: id, text, ann, bob).");
    }

    @Test
    void theDisagreementCsvNeutralisesCellsThatASpreadsheetWouldRunAsFormulas() throws IOException {
        // SECURITY.md 17: = + - @ tab and CR at a cell's start get a leading quote; the rest is RFC 4180 CSV.
        // (Labels are compared stripped, as the profile counts values; the key is written as it is.)
        String text = "id,ann,bob\n=1+1,\"=HYPERLINK(\"\"http://x\"\")\",ok\n+41,@SUM(A1),\"-2\"\n7,same,same\n\"\t8\",\" x\",\"a,b\"\n";
        LabelColumns columns = new LabelColumns(List.of("ann", "bob"), "id");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (DisagreementCsv export = new DisagreementCsv(out, columns)) {
            LabelReader.disagreements(csv(text), columns, export::write);
            assertThat(export.rows()).isEqualTo(3);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("row,id,ann,bob\r\n"
                + "1,'=1+1,\"'=HYPERLINK(\"\"http://x\"\")\",ok\r\n"
                + "2,'+41,'@SUM(A1),'-2\r\n"
                + "4,'\t8,x,\"a,b\"\r\n");
    }
}
