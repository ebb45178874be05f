package dev.cairn.plugin.data.drift;

import java.util.SequencedMap;

/**
 * Compares two datasets' column distributions feature by feature: drift between two versions, or
 * skew between training data and what serving sees. It takes distributions (mergeable sketches and
 * counts, as the profiler stores them with each version), never files: a report between two stored
 * versions reads neither file, and deployment monitoring can call the same comparison on live
 * inputs. Meant to move into cairn-api (ADR 0018).
 */
public interface DriftComparison {

    /**
     * @param reference the reference's columns (training, or the older version), by name, in order
     * @param current   the columns compared with it, by name
     * @param settings  overrides and the dataset-level share
     */
    DriftReport compare(SequencedMap<String, ColumnDistribution> reference,
                        SequencedMap<String, ColumnDistribution> current, DriftSettings settings);
}
