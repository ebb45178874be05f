package dev.cairn.plugin.data.driftpage;

import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.FeatureOverride;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a dataset's drift settings must satisfy, in one place for the form's fields and the service:
 * the dataset share above 0 and at most 1; per feature a method, and a threshold that suits it (a
 * p-value's strictly between 0 and 1, a distance's finite and at least 0). A threshold without a
 * method is refused: the default choice switches between a p-value and a distance with the
 * reference's size, and 0.05 means opposite things to the two.
 */
public final class DriftSettingsRules {

    private DriftSettingsRules() {
    }

    /** One feature's row as a user fills it in; a null threshold means the method's default. */
    public record FeatureSetting(String feature, DriftMethod method, Double threshold) {

        FeatureOverride override() {
            return new FeatureOverride(method, threshold);
        }
    }

    /** Null when the share is acceptable, else why not. */
    public static String shareProblem(Double share) {
        if (share == null) {
            return "Enter the share of drifted features from which the dataset drifts (Evidently: 0.5).";
        }
        if (!(share > 0 && share <= 1)) {
            return String.format(Locale.ROOT, "The drift share must be above 0 and at most 1, was %s.", share);
        }
        return null;
    }

    /** Null when the method and threshold fit together, else why not. */
    public static String thresholdProblem(DriftMethod method, Double threshold) {
        if (threshold == null) {
            return null;
        }
        if (method == null) {
            return "Pick a method to set a threshold: the default method is a p-value on small references and a"
                    + " distance on large ones.";
        }
        String problem = method.thresholdProblem(threshold);
        return problem == null ? null : Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".";
    }

    /** Every problem of the settings, each naming its field; empty when they can be saved. */
    public static List<String> problems(Double share, List<FeatureSetting> features) {
        List<String> problems = new ArrayList<>();
        String shareProblem = shareProblem(share);
        if (shareProblem != null) {
            problems.add("Drift share: " + shareProblem);
        }
        Set<String> seen = new HashSet<>();
        for (FeatureSetting setting : features) {
            String name = setting.feature() == null ? "" : setting.feature().strip();
            if (name.isEmpty()) {
                problems.add("A feature setting names no feature.");
                continue;
            }
            if (!seen.add(name)) {
                problems.add("Feature '" + name + "': set twice.");
            }
            if (setting.method() == null) {
                problems.add("Feature '" + name + "': " + (setting.threshold() == null ? "pick the method that decides."
                        : thresholdProblem(null, setting.threshold())));
                continue;
            }
            String threshold = thresholdProblem(setting.method(), setting.threshold());
            if (threshold != null) {
                problems.add("Feature '" + name + "': " + threshold);
            }
        }
        return problems;
    }
}
