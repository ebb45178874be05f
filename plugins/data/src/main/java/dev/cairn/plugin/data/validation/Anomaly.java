package dev.cairn.plugin.data.validation;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing in a version that its schema did not expect.
 *
 * @param feature     the feature (column) concerned, or null for the dataset as a whole
 * @param type        what kind of anomaly
 * @param severity    error (validation fails) or warning
 * @param description what was found, in plain words with the observed figures
 * @param fix         the schema change that accepts what was found, or null where none makes sense
 */
public record Anomaly(String feature, AnomalyType type, Severity severity, String description, SchemaFix fix) {

    public Anomaly {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
    }

    public Optional<SchemaFix> offeredFix() {
        return Optional.ofNullable(fix);
    }

    /** "plan" or "the dataset", for messages. */
    public String subject() {
        return feature == null ? "the dataset" : feature;
    }
}
