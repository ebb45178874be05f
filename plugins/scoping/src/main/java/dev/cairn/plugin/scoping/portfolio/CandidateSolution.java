package dev.cairn.plugin.scoping.portfolio;

/** A candidate ML solution to the project's business problem, scored 1 (poor) to 5 (excellent) on feasibility and value. */
public record CandidateSolution(String title, String approach, Integer feasibility, Integer value) {

    void validate() {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A candidate solution needs a title.");
        }
        if (title.strip().length() > 200) {
            throw new IllegalArgumentException("The title has at most 200 characters.");
        }
        if (approach != null && approach.strip().length() > 2000) {
            throw new IllegalArgumentException("The approach has at most 2000 characters.");
        }
        score("Feasibility", feasibility);
        score("Value", value);
    }

    private static void score(String what, Integer score) {
        if (score == null || score < 1 || score > 5) {
            throw new IllegalArgumentException(what + " is scored from 1 (poor) to 5 (excellent)" + (score == null ? "." : ", not " + score + "."));
        }
    }
}
