package dev.cairn.api.scoping;

/** How one target of a contract fares against measured values. {@code measured} is null when not measured. */
public record TargetCheck(MetricTarget target, Double measured, Outcome outcome) {

    public enum Outcome { MET, MISSED, NOT_MEASURED }
}
