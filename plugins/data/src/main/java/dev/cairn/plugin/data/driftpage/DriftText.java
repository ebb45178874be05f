package dev.cairn.plugin.data.driftpage;

import dev.cairn.api.data.drift.DriftMeasurement;
import dev.cairn.api.data.drift.DriftMethod;
import dev.cairn.api.data.drift.DriftReport;
import dev.cairn.api.data.drift.FeatureDrift;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the drift page and the REST answer word a report: why a method decided, the values, the verdict. */
final class DriftText {

    private DriftText() {
    }

    /** Why the feature's deciding method is the one it is: an override, or Evidently's rule that picked it. */
    static String why(FeatureDrift feature) {
        if (feature.verdict() == null) {
            return "";
        }
        if (feature.overridden()) {
            return "set for this feature in the dataset's drift settings";
        }
        return switch (feature.verdict().method()) {
            case KOLMOGOROV_SMIRNOV -> "Evidently's choice for numbers on a reference of at most 1,000 values";
            case WASSERSTEIN_NORMED -> "Evidently's choice for numbers on a reference of more than 1,000 values";
            case CHI_SQUARED -> "Evidently's choice for categories (or at most 5 distinct numbers) on a reference of at"
                    + " most 1,000 values";
            case Z_TEST -> "Evidently's choice for two values on a reference of at most 1,000 values";
            case JENSEN_SHANNON_DISTANCE -> "Evidently's choice for categories (or at most 5 distinct numbers) on a"
                    + " reference of more than 1,000 values";
            case PSI, L_INFINITY, APPROXIMATE_JS_DIVERGENCE -> "chosen for this feature";
        };
    }

    static String number(double value) {
        if (value == 0 || (Math.abs(value) >= 1e-4 && Math.abs(value) < 1e6)) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }

    /** "p <= 0.05" or "≥ 0.1": the threshold with the direction of its rule. */
    static String threshold(DriftMeasurement measurement) {
        DriftMethod method = measurement.method();
        String rule = method.drifted(measurement.threshold(), measurement.threshold())
                ? (method.isPValue() ? "≤ " : "≥ ") : (method.isPValue() ? "< " : "> ");
        return "drift at " + rule + number(measurement.threshold());
    }

    /** The other applicable methods' raw values, each with its own verdict at its default threshold. */
    static String others(FeatureDrift feature) {
        return feature.measurements().stream().skip(1).map(m -> m.method().label() + " " + number(m.value())
                + (m.drifted() ? " (drift)" : "")).collect(Collectors.joining("; "));
    }

    static String verdict(DriftReport report) {
        if (report.compared() == 0) {
            return "No feature could be compared, so there is no verdict for the dataset.";
        }
        return String.format(Locale.ROOT, "Dataset drift %s: %d of %d compared features drifted (share %.2f; the"
                        + " dataset drifts from %.2f).", report.datasetDrifted() ? "detected" : "not detected",
                report.drifted(), report.compared(), report.driftedShare(), report.driftShareThreshold());
    }
}
