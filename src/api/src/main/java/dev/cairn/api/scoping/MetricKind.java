package dev.cairn.api.scoping;

/** What a metric target measures: the model, the software around it, or the business. */
public enum MetricKind {
    ML("ML metric"), SOFTWARE("Software metric"), BUSINESS("Business metric");

    private final String label;

    MetricKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
