package dev.cairn.plugin.data.schema;

import dev.cairn.api.data.Feature;
import java.util.Set;

/**
 * Where a feature is expected, as the edit form offers it. A schema knows two environments
 * ({@link Feature#TRAINING} and {@link Feature#SERVING}); a feature's environment set names those it
 * is present in, empty meaning all. The label is the usual "absent in serving" feature.
 */
public enum Presence {
    EVERYWHERE("in training and serving", Set.of()),
    ABSENT_IN_SERVING("absent in SERVING (only in TRAINING)", Set.of(Feature.TRAINING)),
    ABSENT_IN_TRAINING("absent in TRAINING (only in SERVING)", Set.of(Feature.SERVING));

    private final String label;
    private final Set<String> environments;

    Presence(String label, Set<String> environments) {
        this.label = label;
        this.environments = environments;
    }

    public String label() {
        return label;
    }

    public Set<String> environments() {
        return environments;
    }

    /** The choice for a stored set; a set naming both environments is present everywhere. */
    public static Presence of(Set<String> environments) {
        if (environments.size() == 1 && environments.contains(Feature.TRAINING)) {
            return ABSENT_IN_SERVING;
        }
        if (environments.size() == 1 && environments.contains(Feature.SERVING)) {
            return ABSENT_IN_TRAINING;
        }
        return EVERYWHERE;
    }
}
