package dev.cairn.plugin.data.labels;

import java.util.List;
import java.util.Optional;

/**
 * How far labellers agree on a version's rows.
 *
 * @param columns          the label columns (and key) compared
 * @param rows             the version's rows
 * @param complete         rows with a label from every labeller: kappa and agreement are over these
 * @param categories       every label given, sorted
 * @param agreement        the share of complete rows where every labeller gave the same label (NaN when none is complete)
 * @param cohensKappa      for two labellers
 * @param fleissKappa      for three or more
 * @param pairs            each pair of labellers over the rows both labelled, with their confusion
 * @param disagreeing      rows whose labellers gave two or more different labels (missing ones aside)
 * @param disagreements    the first of those rows, at most the limit the agreement was computed with
 */
public record AgreementReport(LabelColumns columns, long rows, long complete, List<String> categories, double agreement,
                              Optional<Kappa> cohensKappa, Optional<Kappa> fleissKappa, List<PairAgreement> pairs, long disagreeing,
                              List<Disagreement> disagreements) {

    public AgreementReport {
        categories = List.copyOf(categories);
        pairs = List.copyOf(pairs);
        disagreements = List.copyOf(disagreements);
    }

    /** Rows that lack a label from at least one labeller. */
    public long incomplete() {
        return rows - complete;
    }

    /** Cohen's kappa for two labellers, else Fleiss'. */
    public Kappa kappa() {
        return cohensKappa.or(() -> fleissKappa).orElseThrow();
    }

    /** Whether {@link #disagreements} holds every disagreeing row (the CSV export always has them all). */
    public boolean allDisagreementsListed() {
        return disagreements.size() == disagreeing;
    }

    /** What the figures leave out because of missing labels, in plain words; empty when no label is missing. */
    public Optional<String> missingLabels() {
        if (incomplete() == 0) {
            return Optional.empty();
        }
        String left = complete == 0 ? "No row has a label from every labeller, so kappa and the agreement cannot be computed"
                : incomplete() + " of " + rows + " rows lack a label from at least one labeller: they are left out of kappa and the agreement";
        return Optional.of(left + " (each pair of labellers is compared over the rows both labelled).");
    }
}
