package dev.cairn.plugin.data.labels;

/**
 * Two labellers compared over the rows both labelled.
 *
 * @param compared  rows both labelled
 * @param agreement the share of those where they gave the same label (0 when none)
 * @param kappa     Cohen's kappa over those rows
 * @param confusion how their labels cross
 */
public record PairAgreement(String first, String second, long compared, double agreement, Kappa kappa, Confusion confusion) {
}
