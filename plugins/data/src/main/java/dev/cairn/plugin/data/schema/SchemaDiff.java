package dev.cairn.plugin.data.schema;

import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed from one schema version to another: the features added and removed (in the order
 * of the version they are in), and for each feature in both, every attribute that differs, before
 * and after. Pure; the schema page shows it, and an edit that changes nothing is refused with it.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    public static List<SchemaChange> between(DatasetSchema older, DatasetSchema newer) {
        List<SchemaChange> changes = new ArrayList<>();
        if (older.minRows() != newer.minRows()) {
            changes.add(SchemaChange.changed(null, "least rows", String.valueOf(older.minRows()), String.valueOf(newer.minRows())));
        }
        for (Feature before : older.features()) {
            Optional<Feature> after = newer.feature(before.name());
            if (after.isEmpty()) {
                changes.add(SchemaChange.removed(before.name(), summary(before)));
            } else {
                changes.addAll(attributes(before, after.get()));
            }
        }
        for (Feature after : newer.features()) {
            if (older.feature(after.name()).isEmpty()) {
                changes.add(SchemaChange.added(after.name(), summary(after)));
            }
        }
        return changes;
    }

    private static List<SchemaChange> attributes(Feature before, Feature after) {
        List<SchemaChange> changes = new ArrayList<>();
        compare(changes, before, after, "type", f -> f.type().name());
        compare(changes, before, after, "presence", SchemaDiff::presence);
        compare(changes, before, after, "domain", f -> domain(f.domain()));
        compare(changes, before, after, "label", f -> f.label() ? "yes" : "no");
        compare(changes, before, after, "environments", f -> Presence.of(f.environments()).label());
        compare(changes, before, after, "least distinct values", f -> bound(f.minDistinct()));
        compare(changes, before, after, "most distinct values", f -> bound(f.maxDistinct()));
        return changes;
    }

    private static void compare(List<SchemaChange> changes, Feature before, Feature after, String attribute,
                                Function<Feature, String> shown) {
        String was = shown.apply(before);
        String is = shown.apply(after);
        if (!Objects.equals(was, is)) {
            changes.add(SchemaChange.changed(before.name(), attribute, was, is));
        }
    }

    /** "required", or "optional, at least 93% present". */
    public static String presence(Feature feature) {
        if (feature.required()) {
            return "required";
        }
        return "optional, at least " + Numbers.plain(Math.round(feature.minFractionPresent() * 10_000) / 100.0) + "% present";
    }

    /** "any", "[0, 120]", "[0, open)", "{basic, pro}" (categories in alphabetical order). */
    public static String domain(FeatureDomain domain) {
        return switch (domain) {
            case FeatureDomain.Any any -> "any";
            case FeatureDomain.Range range -> (range.min() == null ? "(open" : "[" + Numbers.plain(range.min())) + ", "
                    + (range.max() == null ? "open)" : Numbers.plain(range.max()) + "]");
            case FeatureDomain.Categories categories -> {
                Set<String> sorted = new TreeSet<>(categories.values());
                yield "{" + String.join(", ", sorted) + "}";
            }
        };
    }

    private static String bound(Integer bound) {
        return bound == null ? "none" : String.valueOf(bound);
    }

    private static String summary(Feature feature) {
        return feature.type() + ", " + presence(feature) + ", " + domain(feature.domain());
    }
}
