package dev.cairn.plugin.data.driftpage;

import dev.cairn.api.data.drift.DriftReport;
import java.util.Objects;
import java.util.UUID;

/**
 * A drift report between two versions of a dataset.
 *
 * @param dataset   the dataset's name
 * @param reference the reference version's number (the older one, or training)
 * @param current   the current version's number
 * @param referenceId the reference version's id
 * @param currentId   the current version's id
 * @param report    the comparison, feature by feature
 */
public record VersionDrift(String dataset, int reference, int current, UUID referenceId, UUID currentId,
                           DriftReport report) {

    public VersionDrift {
        Objects.requireNonNull(report, "report");
    }
}
