package dev.cairn.api.data.drift;

import java.util.List;
import java.util.Objects;

/**
 * A comparison of two versions (drift) or of training with serving data (skew).
 *
 * @param features            one entry per feature of either side, in the reference's order, then
 *                            the current side's new ones
 * @param compared            features compared (both sides hold values of the same kind)
 * @param drifted             compared features that drifted
 * @param driftedShare        drifted / compared (0 when nothing was compared)
 * @param driftShareThreshold the share from which the dataset drifts
 * @param datasetDrifted      whether driftedShare reached the threshold
 */
public record DriftReport(List<FeatureDrift> features, int compared, int drifted, double driftedShare,
                          double driftShareThreshold, boolean datasetDrifted) {

    public DriftReport {
        features = List.copyOf(Objects.requireNonNull(features, "features"));
    }

    public java.util.Optional<FeatureDrift> feature(String name) {
        return features.stream().filter(f -> f.feature().equals(name)).findFirst();
    }
}
