package dev.cairn.plugin.data.drift;

import java.util.SequencedMap;

/**
 * Compares two datasets' column distributions feature by feature: drift between two versions, or
 * skew between training data and what serving sees. The data plugin implements it for dataset
 * versions; deployment monitoring is meant to call the same comparison on live inputs, which is why
 * it takes distributions (mergeable sketches and counts), never files.
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
