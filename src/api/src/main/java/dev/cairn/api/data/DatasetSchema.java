package dev.cairn.api.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a dataset's schema: people edit schemas, so each edit is a new version, and each
 * dataset version names the version it was checked against.
 *
 * @param id       the schema (the same for all its versions)
 * @param version  1, 2, ...
 * @param features in column order; names are unique
 * @param minRows  the fewest rows a version must have (TFDV's min_examples_count); 0 for no bound
 */
public record DatasetSchema(UUID id, int version, List<Feature> features, long minRows) {

    public DatasetSchema(UUID id, int version, List<Feature> features) {
        this(id, version, features, 0);
    }

    public DatasetSchema {
        Objects.requireNonNull(id, "id");
        if (minRows < 0) {
            throw new IllegalArgumentException("A schema's least row count must not be negative, was " + minRows);
        }
        features = List.copyOf(features);
        if (features.stream().map(Feature::name).distinct().count() != features.size()) {
            throw new IllegalArgumentException("A schema's feature names must be unique");
        }
        if (features.stream().filter(Feature::label).count() > 1) {
            throw new IllegalArgumentException("A schema has at most one label");
        }
    }

    public Optional<Feature> feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<Feature> label() {
        return features.stream().filter(Feature::label).findFirst();
    }

    public SchemaRef ref() {
        return new SchemaRef(id, version);
    }
}
