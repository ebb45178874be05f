package dev.cairn.plugin.data.driftpage;

/**
 * Two versions cannot be compared yet or at all: one was deleted, its profile is not computed yet,
 * or the same version was picked twice. The message says which and what to do.
 */
public class DriftUnavailableException extends RuntimeException {

    public DriftUnavailableException(String message) {
        super(message);
    }
}
