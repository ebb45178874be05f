package dev.cairn.plugin.data.schema;

import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.NumericSummary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A first schema from a version's profile, as TensorFlow Data Validation's {@code infer_schema}
 * does it, one feature per column in file order:
 * <ul>
 *   <li>type: the profile's inferred type;</li>
 *   <li>presence: required when no row misses a value; otherwise optional with the observed share
 *       present as the least share, <em>rounded down</em> to two decimals (0.937 gives 0.93), so that
 *       the version the schema was inferred from passes its own schema, and a batch a little sparser
 *       than that one is not flagged at once;</li>
 *   <li>domain: the categories seen, for CATEGORICAL and BOOLEAN columns whose distinct count is
 *       exact and at most {@link #CATEGORY_LIMIT}; the range [min, max] of the finite values for
 *       INTEGER and DECIMAL columns (a numeric column is a quantity: a range generalises where a
 *       list of the values seen would flag every new one); no constraint for TEXT, TIMESTAMP and
 *       larger category sets;</li>
 *   <li>never a label: that is the team's decision ({@link #suggestedLabel} only suggests one);</li>
 *   <li>every environment, no distinct-value bounds, and no least row count (minRows 0): one
 *       version says nothing about how large the next batch will be.</li>
 * </ul>
 */
public final class SchemaInference {

    /** The most categories an inferred domain lists; past it the domain is left open. */
    public static final int CATEGORY_LIMIT = 50;

    /** Column names that usually hold what a model predicts. */
    private static final Set<String> LABEL_NAMES = Set.of("label", "target", "class", "y", "outcome");

    private SchemaInference() {
    }

    public static List<Feature> features(DatasetProfile profile) {
        return profile.columns().stream().map(column -> feature(column, profile.rows())).toList();
    }

    static Feature feature(ColumnProfile column, long rows) {
        boolean required = rows > 0 && column.missing() == 0;
        double share = required ? 1 : roundedDownShare(column.count(), rows);
        return new Feature(column.name(), column.type(), required, domain(column), false, Set.of(), share, null, null);
    }

    /** The share present, rounded down to two decimals (0 for an empty version). */
    static double roundedDownShare(long present, long rows) {
        if (rows == 0) {
            return 0;
        }
        // Integer arithmetic: 93 of 100 must give exactly 0.93, never 0.92 from a float's 0.9299999.
        return Math.floorDiv(present * 100, rows) / 100.0;
    }

    private static FeatureDomain domain(ColumnProfile column) {
        FeatureType type = column.type();
        if (type == FeatureType.CATEGORICAL || type == FeatureType.BOOLEAN) {
            var distinct = column.distinct();
            if (distinct.exact() && distinct.value() <= CATEGORY_LIMIT) {
                Set<String> values = new LinkedHashSet<>();
                column.topValues(CATEGORY_LIMIT).forEach(v -> values.add(v.value()));
                return new FeatureDomain.Categories(values);
            }
            return new FeatureDomain.Any();
        }
        if (type == FeatureType.INTEGER || type == FeatureType.DECIMAL) {
            Optional<NumericSummary> numbers = column.numeric().filter(n -> n.count() > 0);
            return numbers.<FeatureDomain>map(n -> new FeatureDomain.Range(n.min(), n.max())).orElseGet(FeatureDomain.Any::new);
        }
        return new FeatureDomain.Any();
    }

    /** A column whose name says it is the label (label, target, class, y, outcome), to suggest; never set by inference. */
    public static Optional<String> suggestedLabel(List<String> columns) {
        return columns.stream().filter(name -> LABEL_NAMES.contains(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
