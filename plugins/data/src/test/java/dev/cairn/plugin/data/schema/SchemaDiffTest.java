package dev.cairn.plugin.data.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the diff view lists between two schema versions. */
class SchemaDiffTest {

    private static final UUID ID = UUID.randomUUID();

    private static Feature age(FeatureDomain domain) {
        return new Feature("age", FeatureType.INTEGER, false, domain, false, Set.of(), 0.87, null, null);
    }

    private static final Feature PLAN = new Feature("plan", FeatureType.CATEGORICAL, true, new FeatureDomain.Categories(Set.of("pro", "basic")),
            false, Set.of());
    private static final Feature CHURNED = new Feature("churned", FeatureType.BOOLEAN, true, new FeatureDomain.Any(), false, Set.of());

    @Test
    void identicalVersionsDifferInNothing() {
        DatasetSchema one = new DatasetSchema(ID, 1, List.of(age(new FeatureDomain.Range(18.0, 50.0)), PLAN));
        assertThat(SchemaDiff.between(one, new DatasetSchema(ID, 2, List.of(age(new FeatureDomain.Range(18.0, 50.0)), PLAN)))).isEmpty();
    }

    @Test
    void listsAddedAndRemovedFeaturesAndEachChangedAttributeBeforeAndAfter() {
        DatasetSchema one = new DatasetSchema(ID, 1, List.of(age(new FeatureDomain.Range(18.0, 50.0)), PLAN, CHURNED));
        Feature plan2 = new Feature("plan", FeatureType.CATEGORICAL, false, new FeatureDomain.Categories(Set.of("pro", "basic", "overseas")),
                true, Set.of(Feature.TRAINING), 0.9, 2, 10);
        Feature region = new Feature("region", FeatureType.TEXT, false, new FeatureDomain.Any(), false, Set.of());
        DatasetSchema two = new DatasetSchema(ID, 2, List.of(age(new FeatureDomain.Range(0.0, null)), plan2, region), 100);

        assertThat(SchemaDiff.between(one, two)).extracting(SchemaChange::describe).containsExactly(
                "Schema: least rows 0 → 100",
                "age: domain [18, 50] → [0, open)",
                "plan: presence required → optional, at least 90% present",
                "plan: domain {basic, pro} → {basic, overseas, pro}",
                "plan: label no → yes",
                "plan: environments in training and serving → absent in SERVING (only in TRAINING)",
                "plan: least distinct values none → 2",
                "plan: most distinct values none → 10",
                "churned: removed (was BOOLEAN, required, any)",
                "region: added (TEXT, optional, at least 0% present, any)");
        assertThat(SchemaDiff.between(one, two).get(1)).isEqualTo(new SchemaChange("age", SchemaChange.Kind.CHANGED, "domain", "[18, 50]", "[0, open)"));
    }

    @Test
    void aTypeChangeAndAShareChangeAreNamed() {
        DatasetSchema one = new DatasetSchema(ID, 1, List.of(age(new FeatureDomain.Any())));
        Feature decimal = new Feature("age", FeatureType.DECIMAL, false, new FeatureDomain.Any(), false, Set.of(), 0.5, null, null);
        assertThat(SchemaDiff.between(one, new DatasetSchema(ID, 2, List.of(decimal)))).extracting(SchemaChange::describe)
                .containsExactly("age: type INTEGER → DECIMAL", "age: presence optional, at least 87% present → optional, at least 50% present");
    }
}
