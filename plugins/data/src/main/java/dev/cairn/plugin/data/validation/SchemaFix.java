package dev.cairn.plugin.data.validation;

import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A schema change that makes the schema accept what an anomaly found, as TFDV's schema updates do.
 * A fix is pure: {@link #applyTo} returns the next schema version (same id, version + 1) and changes
 * nothing else, so the schema service saves it with its author and reason. Fixes read the feature
 * as it is in the schema they are applied to, so several fixes compose in any order.
 */
public sealed interface SchemaFix {

    /** What the fix does, as a button says it ("Add 'overseas' to the domain of region"). */
    String description();

    /** The next schema version with this change. */
    DatasetSchema applyTo(DatasetSchema schema);

    /** Adds categories to a feature's domain. */
    record AddCategories(String feature, Set<String> values) implements SchemaFix {
        public AddCategories {
            values = Set.copyOf(values);
        }

        @Override
        public String description() {
            return "Add " + Texts.quotedList(values) + " to the domain of " + feature;
        }

        @Override
        public DatasetSchema applyTo(DatasetSchema schema) {
            return change(schema, feature, f -> {
                Set<String> all = new TreeSet<>(values);
                if (f.domain() instanceof FeatureDomain.Categories categories) {
                    all.addAll(categories.values());
                }
                return Features.withDomain(f, new FeatureDomain.Categories(all));
            });
        }
    }

    /** Widens a feature's range to take the observed values (an open bound stays open). */
    record RelaxRange(String feature, Double min, Double max) implements SchemaFix {
        @Override
        public String description() {
            return "Relax the range of " + feature + " to " + Texts.range(min, max);
        }

        @Override
        public DatasetSchema applyTo(DatasetSchema schema) {
            return change(schema, feature, f -> {
                if (f.domain() instanceof FeatureDomain.Range range) {
                    Double lower = range.min() == null || min == null ? null : Math.min(range.min(), min);
                    Double upper = range.max() == null || max == null ? null : Math.max(range.max(), max);
                    return Features.withDomain(f, new FeatureDomain.Range(lower, upper));
                }
                return Features.withDomain(f, new FeatureDomain.Range(min, max));
            });
        }
    }

    /** Lowers the share of rows that must have a value (and makes the feature optional). */
    record LowerPresence(String feature, double share) implements SchemaFix {
        @Override
        public String description() {
            return "Lower the presence share of " + feature + " to " + Texts.share(share);
        }

        @Override
        public DatasetSchema applyTo(DatasetSchema schema) {
            return change(schema, feature, f -> Features.withPresence(f, false, Math.min(share, f.minFractionPresent())));
        }
    }

    /** Makes a feature optional with no least share, so that a version may lack it. */
    record MakeOptional(String feature) implements SchemaFix {
        @Override
        public String description() {
            return "Make " + feature + " optional";
        }

        @Override
        public DatasetSchema applyTo(DatasetSchema schema) {
            return change(schema, feature, f -> Features.withPresence(f, false, 0));
        }
    }

    /** Adds a column the data has and the schema does not, as an optional feature of the observed type. */
    record AddColumn(String feature, FeatureType type) implements SchemaFix {
        @Override
        public String description() {
            return "Add column '" + feature + "' as optional " + type;
        }

        @Override
        public DatasetSchema applyTo(DatasetSchema schema) {
            if (schema.feature(feature).isPresent()) {
                throw new IllegalArgumentException("Schema already has a feature '" + feature + "'.");
            }
            List<Feature> features = new ArrayList<>(schema.features());
            features.add(new Feature(feature, type, false, new FeatureDomain.Any(), false, Set.of()));
            return next(schema, features, schema.minRows());
        }
    }

    /** Changes a feature's type; a numeric range goes when the new type is not a number. */
    record ChangeType(String feature, FeatureType type) implements SchemaFix {
        @Override
        public String description() {
            return "Change the type of " + feature + " to " + type;
        }

        @Override
        public DatasetSchema applyTo(DatasetSchema schema) {
            return change(schema, feature, f -> Features.withType(f, type));
        }
    }

    /** Says a feature is present in one more environment. */
    record AddEnvironment(String feature, String environment) implements SchemaFix {
        @Override
        public String description() {
            return "Expect " + feature + " in " + environment + " too";
        }

        @Override
        public DatasetSchema applyTo(DatasetSchema schema) {
            return change(schema, feature, f -> Features.withEnvironment(f, environment));
        }
    }

    /** Widens a feature's distinct-value bounds to the observed count (a null side is left as it is). */
    record RelaxDistinct(String feature, Integer min, Integer max) implements SchemaFix {
        @Override
        public String description() {
            return min != null ? "Lower the fewest distinct values of " + feature + " to " + min
                    : "Raise the most distinct values of " + feature + " to " + max;
        }

        @Override
        public DatasetSchema applyTo(DatasetSchema schema) {
            return change(schema, feature, f -> Features.withDistinct(f, lower(f.minDistinct()), higher(f.maxDistinct())));
        }

        private Integer lower(Integer current) {
            return min == null || current == null ? current : Integer.valueOf(Math.min(min, current));
        }

        private Integer higher(Integer current) {
            return max == null || current == null ? current : Integer.valueOf(Math.max(max, current));
        }
    }

    /** Lowers the schema's least row count to what the version has. */
    record LowerMinRows(long rows) implements SchemaFix {
        @Override
        public String description() {
            return "Lower the least row count to " + rows;
        }

        @Override
        public DatasetSchema applyTo(DatasetSchema schema) {
            return next(schema, schema.features(), Math.min(rows, schema.minRows()));
        }
    }

    private static DatasetSchema change(DatasetSchema schema, String name, UnaryOperator<Feature> change) {
        if (schema.feature(name).isEmpty()) {
            throw new IllegalArgumentException("Schema version " + schema.version() + " has no feature '" + name + "' to change.");
        }
        List<Feature> features = schema.features().stream().map(f -> f.name().equals(name) ? change.apply(f) : f).toList();
        return next(schema, features, schema.minRows());
    }

    private static DatasetSchema next(DatasetSchema schema, List<Feature> features, long minRows) {
        return new DatasetSchema(schema.id(), schema.version() + 1, features, minRows);
    }
}
