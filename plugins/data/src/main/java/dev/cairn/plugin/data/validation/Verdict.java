package dev.cairn.plugin.data.validation;

/** A stored validation's outcome at a glance: no anomaly, warnings only, or at least one error. */
public enum Verdict {
    PASSED("Passed"),
    WARNINGS("Passed with warnings"),
    FAILED("Failed");

    /** How badges and lists say it. */
    public final String label;

    Verdict(String label) {
        this.label = label;
    }

    static Verdict of(ValidationReport report) {
        if (!report.passes()) {
            return FAILED;
        }
        return report.clean() ? PASSED : WARNINGS;
    }
}
