package dev.cairn.api.scoping;

/** Whether a measured value must reach a threshold from below (accuracy) or stay under it (latency). */
public enum Direction {
    AT_LEAST(">="), AT_MOST("<=");

    private final String symbol;

    Direction(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isMet(double threshold, double measured) {
        return this == AT_LEAST ? measured >= threshold : measured <= threshold;
    }
}
