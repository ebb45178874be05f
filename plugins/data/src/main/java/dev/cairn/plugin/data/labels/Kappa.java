package dev.cairn.plugin.data.labels;

/**
 * A kappa statistic: agreement beyond what chance gives, 1 for perfect agreement, 0 for chance,
 * below 0 for less than chance. NaN when undefined: every label was the same category, so chance
 * already agrees fully (scikit-learn and statsmodels answer NaN too).
 */
public record Kappa(double value) {

    public boolean defined() {
        return !Double.isNaN(value);
    }

    /** Landis and Koch's (1977) words for the value, the scale most annotation guides quote. */
    public String interpretation() {
        if (!defined()) {
            return "undefined: every label is the same category";
        }
        if (value < 0) {
            return "poor (less than chance)";
        }
        if (value <= 0.20) {
            return "slight";
        }
        if (value <= 0.40) {
            return "fair";
        }
        if (value <= 0.60) {
            return "moderate";
        }
        if (value <= 0.80) {
            return "substantial";
        }
        return "almost perfect";
    }

    /** Chance-corrected agreement from the observed agreement and the agreement chance gives. */
    static Kappa of(double observed, double chance) {
        return new Kappa((observed - chance) / (1 - chance));
    }
}
