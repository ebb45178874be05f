package dev.cairn.plugin.scoping;

/** The four parts of a problem statement, in the business's words. */
public record ProblemStatement(String businessProblem, String affected, String decision, String currentApproach) {

    void validate() {
        check("Business problem", businessProblem, 4000);
        check("Who is affected", affected, 2000);
        check("Decision supported", decision, 2000);
        check("How it is done today", currentApproach, 2000);
    }

    private static void check(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required.");
        }
        if (value.strip().length() > max) {
            throw new IllegalArgumentException(field + " must have at most " + max + " characters.");
        }
    }
}
