package dev.cairn.api.data;

import java.time.Instant;
import java.util.UUID;

/**
 * How well people do the task, measured in the data stage: the share of rows on which independent labellers gave the
 * same label is the accuracy a person reaches against another person, the usual human-level baseline for a labelling
 * task (DOMAIN.md). Scoping offers it as the project's human-level performance, modeling shows it beside its
 * baseline.
 *
 * @param metric   what the value measures ("accuracy": the labellers' observed agreement)
 * @param value    in [0, 1]
 * @param examples rows every labeller labelled: the figure is over these
 * @param method   how it was measured, in plain words (which labellers, which dataset version, the kappa)
 */
public record HumanLevelFigure(UUID id, UUID projectId, String metric, double value, long examples, String method, String recordedBy,
                               Instant recordedAt) {

    public HumanLevelFigure {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("A human-level figure is a share in [0, 1], not " + value);
        }
    }
}
