package dev.cairn.plugin.data.labels;

import dev.cairn.plugin.data.profile.ProfileOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Agreement between labellers, one row at a time (a version of any size: the counts kept are per
 * category, not per row): percent agreement, Cohen's kappa (two labellers), Fleiss' kappa (three
 * or more), each pair's kappa and confusion, and the disagreeing rows. Kappa is computed over
 * the rows every labeller labelled, as scikit-learn's {@code cohen_kappa_score} and statsmodels'
 * {@code fleiss_kappa} take them (neither accepts a missing rating); the report says how many
 * rows that leaves out. Pure: no tables, no Spring.
 */
public final class LabelAgreement {

    /** Disagreeing rows a report lists by default (the CSV export writes them all). */
    public static final int DEFAULT_LISTED_DISAGREEMENTS = 1_000;

    private final LabelColumns columns;
    private final int listed;
    private final int labellers;
    private final Set<String> categories = new TreeSet<>();
    /** Per pair (i < j), rows labelled a by i and b by j, keyed "a\0b". */
    private final List<Map<String, Long>> pairCounts = new ArrayList<>();
    private final Map<String, Long> completeTotals = new HashMap<>();
    private final List<Disagreement> disagreements = new ArrayList<>();
    private long rows;
    private long complete;
    private long allAgree;
    private double sumRowAgreement;
    private long disagreeing;

    public LabelAgreement(LabelColumns columns) {
        this(columns, DEFAULT_LISTED_DISAGREEMENTS);
    }

    /** @param listed how many disagreeing rows the report lists */
    public LabelAgreement(LabelColumns columns, int listed) {
        if (listed < 0) {
            throw new IllegalArgumentException("listed must not be negative, not " + listed);
        }
        this.columns = columns;
        this.listed = listed;
        this.labellers = columns.labellers().size();
        for (int p = 0; p < labellers * (labellers - 1) / 2; p++) {
            pairCounts.add(new HashMap<>());
        }
    }

    /** A label as the profile counts values: empty, blank or a missing token (NA, null, ...) is no label. */
    static String label(String field) {
        if (field == null) {
            return null;
        }
        String value = field.strip();
        return value.isEmpty() || ProfileOptions.DEFAULT_MISSING_TOKENS.contains(value) ? null : value;
    }

    /**
     * One row's labels, in the order of the label columns.
     *
     * @param row    the row's number (1 for the first after the header)
     * @param key    the key column's value, or null
     * @param fields each labeller's field as written (missing ones null, empty or a missing token)
     * @return the row as a disagreement when its labellers disagree, else null
     */
    public Disagreement add(long row, String key, String[] fields) {
        if (fields.length != labellers) {
            throw new IllegalArgumentException("row " + row + " has " + fields.length + " labels for " + labellers + " labellers");
        }
        rows++;
        String[] labels = new String[labellers];
        Set<String> given = new HashSet<>();
        for (int i = 0; i < labellers; i++) {
            labels[i] = label(fields[i]);
            if (labels[i] != null) {
                given.add(labels[i]);
            }
        }
        categories.addAll(given);
        countPairs(labels);
        if (!given.isEmpty() && Arrays.stream(labels).allMatch(l -> l != null)) {
            countComplete(labels, given.size() == 1);
        }
        if (given.size() < 2) {
            return null;
        }
        disagreeing++;
        Disagreement disagreement = new Disagreement(row, key, Arrays.stream(labels).map(l -> l == null ? "" : l).toList());
        if (disagreements.size() < listed) {
            disagreements.add(disagreement);
        }
        return disagreement;
    }

    private void countPairs(String[] labels) {
        int p = 0;
        for (int i = 0; i < labellers; i++) {
            for (int j = i + 1; j < labellers; j++, p++) {
                if (labels[i] != null && labels[j] != null) {
                    pairCounts.get(p).merge(labels[i] + '\0' + labels[j], 1L, Long::sum);
                }
            }
        }
    }

    /** Fleiss: the row's agreement P_i = (sum of n_ij^2 - n) / (n (n - 1)) over its category counts n_ij. */
    private void countComplete(String[] labels, boolean agree) {
        complete++;
        if (agree) {
            allAgree++;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String label : labels) {
            counts.merge(label, 1, Integer::sum);
            completeTotals.merge(label, 1L, Long::sum);
        }
        long squares = counts.values().stream().mapToLong(n -> (long) n * n).sum();
        sumRowAgreement += (double) (squares - labellers) / ((long) labellers * (labellers - 1));
    }

    public AgreementReport report() {
        List<String> sorted = List.copyOf(categories);
        List<PairAgreement> pairs = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < labellers; i++) {
            for (int j = i + 1; j < labellers; j++, p++) {
                pairs.add(pair(columns.labellers().get(i), columns.labellers().get(j), sorted, pairCounts.get(p)));
            }
        }
        double agreement = complete == 0 ? Double.NaN : (double) allAgree / complete;
        var cohen = labellers == 2 ? java.util.Optional.of(complete == 0 ? new Kappa(Double.NaN) : pairs.getFirst().kappa())
                : java.util.Optional.<Kappa>empty();
        var fleiss = labellers > 2 ? java.util.Optional.of(fleiss()) : java.util.Optional.<Kappa>empty();
        return new AgreementReport(columns, rows, complete, sorted, agreement, cohen, fleiss, pairs, disagreeing, disagreements);
    }

    private Kappa fleiss() {
        if (complete == 0) {
            return new Kappa(Double.NaN);
        }
        double chance = 0;
        for (long total : completeTotals.values()) {
            double share = (double) total / (complete * labellers);
            chance += share * share;
        }
        return Kappa.of(sumRowAgreement / complete, chance);
    }

    /** Cohen: observed agreement p_o on the diagonal, chance p_e from each labeller's own category shares. */
    private static PairAgreement pair(String first, String second, List<String> categories, Map<String, Long> counts) {
        int k = categories.size();
        long[][] matrix = new long[k][k];
        counts.forEach((both, n) -> {
            int split = both.indexOf('\0');
            matrix[categories.indexOf(both.substring(0, split))][categories.indexOf(both.substring(split + 1))] = n;
        });
        long total = 0;
        long diagonal = 0;
        long[] rowSums = new long[k];
        long[] columnSums = new long[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                total += matrix[a][b];
                rowSums[a] += matrix[a][b];
                columnSums[b] += matrix[a][b];
            }
            diagonal += matrix[a][a];
        }
        Confusion confusion = new Confusion(first, second, categories, matrix);
        if (total == 0) {
            return new PairAgreement(first, second, 0, Double.NaN, new Kappa(Double.NaN), confusion);
        }
        double chance = 0;
        for (int c = 0; c < k; c++) {
            chance += (double) rowSums[c] / total * columnSums[c] / total;
        }
        double observed = (double) diagonal / total;
        return new PairAgreement(first, second, total, observed, Kappa.of(observed, chance), confusion);
    }
}
