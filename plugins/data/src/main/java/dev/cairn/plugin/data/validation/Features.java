package dev.cairn.plugin.data.validation;

import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import java.util.HashSet;
import java.util.Set;

/** Copies of a feature with one thing changed (the fixes' building blocks). */
final class Features {

    private Features() {
    }

    static Feature withDomain(Feature f, FeatureDomain domain) {
        return new Feature(f.name(), f.type(), f.required(), domain, f.label(), f.environments(), f.minFractionPresent(),
                f.minDistinct(), f.maxDistinct());
    }

    static Feature withPresence(Feature f, boolean required, double minFractionPresent) {
        return new Feature(f.name(), f.type(), required, f.domain(), f.label(), f.environments(), minFractionPresent,
                f.minDistinct(), f.maxDistinct());
    }

    /** A numeric range means nothing for a type that is not a number, so it goes with the change. */
    static Feature withType(Feature f, FeatureType type) {
        FeatureDomain domain = f.domain() instanceof FeatureDomain.Range && !TypeRules.numeric(type) ? new FeatureDomain.Any() : f.domain();
        return new Feature(f.name(), type, f.required(), domain, f.label(), f.environments(), f.minFractionPresent(),
                f.minDistinct(), f.maxDistinct());
    }

    /** Present in one more environment; a feature present in all (no list) stays so. */
    static Feature withEnvironment(Feature f, String environment) {
        if (f.presentIn(environment)) {
            return f;
        }
        Set<String> environments = new HashSet<>(f.environments());
        environments.add(environment);
        return new Feature(f.name(), f.type(), f.required(), f.domain(), f.label(), environments, f.minFractionPresent(),
                f.minDistinct(), f.maxDistinct());
    }

    static Feature withDistinct(Feature f, Integer minDistinct, Integer maxDistinct) {
        return new Feature(f.name(), f.type(), f.required(), f.domain(), f.label(), f.environments(), f.minFractionPresent(),
                minDistinct, maxDistinct);
    }
}
