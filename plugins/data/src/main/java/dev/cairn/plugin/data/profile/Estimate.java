package dev.cairn.plugin.data.profile;

/**
 * A count that is either exact or estimated by a sketch; the UI says which.
 *
 * @param value the count (rounded when estimated)
 * @param exact false when a sketch estimated it
 */
public record Estimate(long value, boolean exact) {

    static Estimate exactly(long value) {
        return new Estimate(value, true);
    }

    static Estimate estimated(double value) {
        return new Estimate(Math.round(value), false);
    }
}
