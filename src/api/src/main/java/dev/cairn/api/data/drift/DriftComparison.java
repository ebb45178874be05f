package dev.cairn.api.data.drift;

import java.util.SequencedMap;

/**
 * Compares two datasets' column distributions feature by feature: drift between two versions, or
 * skew between training data and what serving sees. It takes distributions (mergeable sketches and
 * counts, as the profiler stores them with each version), never files: a report between two stored
 * versions reads neither file, and deployment monitoring calls the same comparison on live inputs.
 * The data plugin implements it with Evidently's and TFDV's measures (ADR 0018, ADR 0022).
 */
public interface DriftComparison {

    /**
     * @param reference the reference's columns (training, or the older version), by name, in order
     * @param current   the columns compared with it, by name
     * @param settings  overrides and the dataset-level share
     */
    DriftReport compare(SequencedMap<String, ColumnDistribution> reference,
                        SequencedMap<String, ColumnDistribution> current, DriftSettings settings);

    /**
     * The distribution of the given numbers, sketched as the implementation reads sketches (and
     * kept exactly when there are at most {@link NumericDistribution#MAX_EXACT_VALUES}); non-finite
     * values are left out as missing. For live inputs that have no profile.
     */
    NumericDistribution numbers(double... values);
}
