package dev.cairn.api.data.drift;

/** The usual reading of a population stability index: below 0.1 stable, to 0.25 watch, from 0.25 act. */
public enum PsiReading {
    STABLE("stable (PSI below 0.1)"),
    WATCH("watch (PSI from 0.1 to 0.25)"),
    ACT("act (PSI of 0.25 or more)");

    public static final double WATCH_FROM = 0.1;
    public static final double ACT_FROM = 0.25;

    private final String description;

    PsiReading(String description) {
        this.description = description;
    }

    public static PsiReading of(double psi) {
        return psi >= ACT_FROM ? ACT : psi >= WATCH_FROM ? WATCH : STABLE;
    }

    public String description() {
        return description;
    }
}
