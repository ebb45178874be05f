package dev.cairn.plugin.scoping.value;

/**
 * Diligence on value: the business metric the project moves, the ML metric, and how one moves the
 * other; an estimate of the value; and the ethical review. A HIGH fairness or privacy risk needs a
 * recorded sign-off before the scoping document can be approved.
 */
public record ValueAssessment(String businessMetric, String mlMetric, String metricLink, Double valueEstimate, String valueUnit,
                              String valueNotes, Risk fairnessRisk, Risk privacyRisk, String harmNotes) {

    public enum Risk { LOW, MEDIUM, HIGH }

    public boolean highRisk() {
        return fairnessRisk == Risk.HIGH || privacyRisk == Risk.HIGH;
    }

    void validate() {
        required("Business metric", businessMetric, 200);
        required("ML metric", mlMetric, 200);
        required("How the ML metric moves the business metric", metricLink, 2000);
        if (valueEstimate != null && !Double.isFinite(valueEstimate)) {
            throw new IllegalArgumentException("The value estimate must be a number.");
        }
        if (valueEstimate != null && (valueUnit == null || valueUnit.isBlank())) {
            throw new IllegalArgumentException("Give the unit of the value estimate (e.g. EUR per year).");
        }
        optional("Unit of the value estimate", valueUnit, 40);
        optional("Notes on the value", valueNotes, 2000);
        if (fairnessRisk == null || privacyRisk == null) {
            throw new IllegalArgumentException("Rate the fairness risk and the privacy risk (low, medium or high).");
        }
        if (highRisk() && (harmNotes == null || harmNotes.isBlank())) {
            throw new IllegalArgumentException("A high risk needs a note on who could be harmed and how.");
        }
        optional("Who could be harmed", harmNotes, 2000);
    }

    private static void required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required.");
        }
        optional(field, value, max);
    }

    private static void optional(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new IllegalArgumentException(field + " must have at most " + max + " characters.");
        }
    }
}
