package dev.cairn.plugin.data.driftpage;

/**
 * Two versions cannot be compared yet or at all: one was deleted, its profile is not computed yet,
 * or the same version was picked twice. The message says which and what to do; an
 * IllegalStateException, so pages show it as a refusal (Refusals) and REST answers 409.
 */
public class DriftUnavailableException extends IllegalStateException {

    public DriftUnavailableException(String message) {
        super(message);
    }
}
