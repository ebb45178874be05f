/**
 * Label agreement: where a version holds one label column per labeller, how far they agree
 * (percent agreement, Cohen's kappa for two, Fleiss' kappa for more, each pair's kappa and
 * confusion) and which rows they disagree on, exported as formula-safe CSV for relabelling.
 * {@link dev.cairn.plugin.data.labels.LabelAgreement} is pure and counts one row at a time;
 * {@link dev.cairn.plugin.data.labels.LabelAgreements} reads a stored version's rows for it.
 */
package dev.cairn.plugin.data.labels;
