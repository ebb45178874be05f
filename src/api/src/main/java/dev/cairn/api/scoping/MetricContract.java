package dev.cairn.api.scoping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A project's approved metric contract: the targets its scoping document committed to, as
 * approved (who, when, which contract version). Modeling compares runs against it; deployment
 * refuses a promotion that misses it.
 */
public record MetricContract(UUID projectId, int version, String approvedBy, OffsetDateTime approvedAt, List<MetricTarget> targets) {

    public MetricContract {
        targets = List.copyOf(targets);
    }

    /** Each target against the measurements; a target with no matching measurement is NOT_MEASURED. */
    public List<TargetCheck> check(List<Measurement> measurements) {
        return targets.stream().map(target -> {
            Double measured = measurements.stream().filter(m -> target.concerns(m.metric(), m.slice()))
                    .map(Measurement::value).reduce((first, later) -> later).orElse(null);
            TargetCheck.Outcome outcome = measured == null ? TargetCheck.Outcome.NOT_MEASURED
                    : target.isMetBy(measured) ? TargetCheck.Outcome.MET : TargetCheck.Outcome.MISSED;
            return new TargetCheck(target, measured, outcome);
        }).toList();
    }

    /** True when every target of the given kinds is measured and met (e.g. only ML targets before deployment). */
    public boolean allMet(List<Measurement> measurements, MetricKind... kinds) {
        List<MetricKind> wanted = kinds.length == 0 ? List.of(MetricKind.values()) : List.of(kinds);
        return check(measurements).stream().filter(c -> wanted.contains(c.target().kind()))
                .allMatch(c -> c.outcome() == TargetCheck.Outcome.MET);
    }
}
