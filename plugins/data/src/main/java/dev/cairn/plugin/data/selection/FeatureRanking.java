package dev.cairn.plugin.data.selection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every feature of a version scored against a label: what a ranking found, stored as it is.
 *
 * @param label            the label column
 * @param labelKind        how the label was read
 * @param labelSymbols     the label's classes (or bins, for a numeric label) the counting measures saw
 * @param labelEntropy     H(label) in bits over those: no feature's mutual information exceeds it
 * @param rowsRead         rows read from the version (the first ones)
 * @param sampled          whether the version has more rows than were read
 * @param rowsWithoutLabel rows read but left out because their label is missing
 * @param bins             equal-frequency bins per numeric column (and categories kept per categorical one)
 * @param features         one per column but the label, in the order of the file
 */
public record FeatureRanking(String label, LabelKind labelKind, int labelSymbols, double labelEntropy, int rowsRead, boolean sampled,
                             int rowsWithoutLabel, int bins, List<FeatureScore> features) {

    public FeatureRanking {
        features = List.copyOf(features);
    }

    /** How the label was read. */
    public enum LabelKind {
        /** Numbers with more distinct values than bins: Pearson for numeric features, equal-frequency bins for the counts. */
        NUMERIC,
        /** Two classes: Pearson for numeric features (the point-biserial correlation), as for a 0/1 label. */
        BINARY,
        /** More than two classes: Cramér's V for every feature. */
        CLASSES
    }

    /** The correlation measure of one feature against the label. */
    public enum Measure {
        PEARSON("Pearson |r|"), CRAMERS_V("Cramér's V");

        private final String title;

        Measure(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Tribuo's information-theoretic selectors (tribuo-classification-fs), in the order the page shows them. */
    public enum Method {
        MIM("MIM"), CMIM("CMIM"), JMI("JMI"), MRMR("mRMR");

        private final String title;

        Method(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Where a selector placed a feature: 1 is chosen first; the score is the selector's own at that step. */
    public record Placement(int rank, double score) {
    }

    /**
     * One feature's scores.
     *
     * @param numeric           whether it was read as numbers (binned) or as categories
     * @param mutualInformation I(feature; label) in bits over the coded columns (missing is a value of its own)
     * @param correlation       the absolute correlation, or null when undefined (a constant column)
     * @param measure           which correlation it is
     * @param methods           each Tribuo selector's placement
     */
    public record FeatureScore(String name, boolean numeric, double mutualInformation, Double correlation, Measure measure,
                               Map<Method, Placement> methods) {

        public FeatureScore {
            methods = Map.copyOf(methods);
        }

        public Placement placement(Method method) {
            return methods.get(method);
        }
    }

    public Optional<FeatureScore> feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The features by a selector's rank, first chosen first. */
    public List<FeatureScore> byRank(Method method) {
        return features.stream().sorted(Comparator.comparingInt(f -> f.placement(method).rank())).toList();
    }

    /** The names of the {@code k} features a selector chose first. */
    public List<String> top(Method method, int k) {
        return byRank(method).stream().limit(k).map(FeatureScore::name).toList();
    }
}
