package dev.cairn.plugin.scoping.feasibility;

/**
 * A project manager's answers on feasibility (DOMAIN.md, "Scoping"): the kind of data, a
 * human-level performance (HLP) baseline when one applies, whether predictive features exist,
 * and known prior work.
 */
public record FeasibilityAnswers(DataKind dataKind, boolean hlpApplies, String hlpMethod, Integer hlpExamples, String hlpMetric,
                                 Double hlpValue, Evidence predictiveFeatures, String featureNotes, PriorWork priorWork,
                                 String priorWorkNotes) {

    public enum DataKind {
        STRUCTURED("Structured (tables, events)"), UNSTRUCTURED("Unstructured (images, audio, text)"), MIXED("Both");

        private final String label;

        DataKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How strongly the known features predict the target. */
    public enum Evidence {
        STRONG("Yes, shown to predict the target"), SOME("Some, not yet shown"), NONE("None known"), UNKNOWN("Not assessed");

        private final String label;

        Evidence(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum PriorWork {
        ESTABLISHED("Solved before (here or elsewhere)"), SOME("Some related work"), NONE("None known"), UNKNOWN("Not assessed");

        private final String label;

        PriorWork(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    void validate() {
        if (dataKind == null) {
            throw new IllegalArgumentException("Choose whether the data is structured or unstructured.");
        }
        if (predictiveFeatures == null) {
            throw new IllegalArgumentException("Say whether predictive features exist (or that it was not assessed).");
        }
        if (priorWork == null) {
            throw new IllegalArgumentException("Say whether prior work exists (or that it was not assessed).");
        }
        if (hlpExamples != null && hlpExamples < 1) {
            throw new IllegalArgumentException("The HLP baseline's number of examples must be at least 1.");
        }
        if (hlpValue != null && !Double.isFinite(hlpValue)) {
            throw new IllegalArgumentException("The HLP baseline's value must be a number.");
        }
        if (hlpApplies && hlpValue != null && (hlpMetric == null || hlpMetric.isBlank())) {
            throw new IllegalArgumentException("Name the metric of the HLP baseline (e.g. accuracy) next to its value.");
        }
        check("How HLP was measured", hlpMethod, 2000);
        check("HLP metric", hlpMetric, 80);
        check("Notes on features", featureNotes, 2000);
        check("Notes on prior work", priorWorkNotes, 2000);
    }

    /** True when a baseline value was measured on a stated number of examples. */
    public boolean hlpMeasured() {
        return hlpApplies && hlpValue != null && hlpExamples != null;
    }

    private static void check(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new IllegalArgumentException(field + " must have at most " + max + " characters.");
        }
    }
}
