package dev.cairn.plugin.scoping.feasibility;

import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.DataKind;
import dev.cairn.plugin.scoping.feasibility.FeasibilityAnswers.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * The feasibility rating and how it was reached. Two signals, as DOMAIN.md teaches: the main
 * signal depends on the data (unstructured: can a person do the task from the same input, i.e. a
 * human-level baseline; structured: do predictive features exist; both: the better of the two),
 * and the history of progress on the problem. Each gives 0 to 2 points; 3-4 points is HIGH, 2 is
 * MEDIUM, 0-1 is LOW. Structured data with no predictive features is LOW whatever else is known.
 */
public record FeasibilityRating(Level level, int points, List<String> reasons) {

    public enum Level { HIGH, MEDIUM, LOW }

    /** HLP measured on fewer examples than this is a rough estimate only. */
    static final int RELIABLE_HLP_EXAMPLES = 30;

    public FeasibilityRating {
        reasons = List.copyOf(reasons);
    }

    /** 1 (hard) to 5 (easy), for the portfolio chart. */
    public int score() {
        return points + 1;
    }

    public static FeasibilityRating of(FeasibilityAnswers answers) {
        List<String> reasons = new ArrayList<>();
        int hlp = hlpPoints(answers, reasons);
        int features = featurePoints(answers.predictiveFeatures(), reasons);
        int main = switch (answers.dataKind()) {
            case UNSTRUCTURED -> hlp;
            case STRUCTURED -> features;
            case MIXED -> Math.max(hlp, features);
        };
        reasons.add(0, switch (answers.dataKind()) {
            case UNSTRUCTURED -> "Unstructured data: the human-level baseline is the main signal (" + main + " of 2 points).";
            case STRUCTURED -> "Structured data: predictive features are the main signal (" + main + " of 2 points).";
            case MIXED -> "Both kinds of data: the better of the baseline and the features counts (" + main + " of 2 points).";
        });
        int prior = priorPoints(answers, reasons);
        int points = main + prior;
        if (answers.dataKind() == DataKind.STRUCTURED && answers.predictiveFeatures() == Evidence.NONE) {
            reasons.add("LOW: with structured data and no predictive features, a model has nothing to learn from.");
            return new FeasibilityRating(Level.LOW, points, reasons);
        }
        Level level = points >= 3 ? Level.HIGH : points == 2 ? Level.MEDIUM : Level.LOW;
        reasons.add(level + ": " + points + " of 4 points (3-4 high, 2 medium, 0-1 low).");
        return new FeasibilityRating(level, points, reasons);
    }

    private static int hlpPoints(FeasibilityAnswers answers, List<String> reasons) {
        if (!answers.hlpApplies()) {
            reasons.add("No human-level baseline applies: it is hard to know what performance is achievable (0 points).");
            return 0;
        }
        if (!answers.hlpMeasured()) {
            reasons.add("A human-level baseline applies but is not measured yet (1 point): measure it to know the target.");
            return 1;
        }
        String measured = "People reach " + answers.hlpMetric() + " " + answers.hlpValue() + " on " + answers.hlpExamples()
                + " examples";
        if (answers.hlpExamples() < RELIABLE_HLP_EXAMPLES) {
            reasons.add(measured + ", too few to rely on (1 point): measure on at least " + RELIABLE_HLP_EXAMPLES + ".");
            return 1;
        }
        reasons.add(measured + " (2 points).");
        return 2;
    }

    private static int featurePoints(Evidence evidence, List<String> reasons) {
        return switch (evidence) {
            case STRONG -> note(reasons, "Features are shown to predict the target (2 points).", 2);
            case SOME -> note(reasons, "Some features are likely predictive, not yet shown (1 point).", 1);
            case NONE -> note(reasons, "No predictive features are known (0 points).", 0);
            case UNKNOWN -> note(reasons, "Predictive features were not assessed (0 points).", 0);
        };
    }

    private static int priorPoints(FeasibilityAnswers answers, List<String> reasons) {
        return switch (answers.priorWork()) {
            case ESTABLISHED -> note(reasons, "The problem was solved before, here or elsewhere (2 points).", 2);
            case SOME -> note(reasons, "There is related prior work (1 point).", 1);
            case NONE -> note(reasons, "No prior work is known: expect research risk (0 points).", 0);
            case UNKNOWN -> note(reasons, "Prior work was not assessed (0 points).", 0);
        };
    }

    private static int note(List<String> reasons, String reason, int points) {
        reasons.add(reason);
        return points;
    }
}
