package dev.cairn.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The data contract's records refuse what no stage could use, and copy what they are given. */
class StageContractsTest {

    private static Feature feature(String name, boolean label) {
        return new Feature(name, FeatureType.DECIMAL, true, new FeatureDomain.Range(0.0, 1.0), label, Set.of());
    }

    @Test
    void aSchemaWithTwoFeaturesOfOneNameOrTwoLabelsIsRefused() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new DatasetSchema(id, 1, List.of(feature("amount", false), feature("amount", false))))
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> new DatasetSchema(id, 1, List.of(feature("fraud", true), feature("chargeback", true))))
                .hasMessageContaining("at most one label");
    }

    @Test
    void aSchemaFindsItsLabelAndFeaturesAndNamesItsVersion() {
        UUID id = UUID.randomUUID();
        DatasetSchema schema = new DatasetSchema(id, 3, List.of(feature("amount", false), feature("fraud", true)));
        assertThat(schema.label()).map(Feature::name).hasValue("fraud");
        assertThat(schema.feature("amount")).isPresent();
        assertThat(schema.feature("missing")).isEmpty();
        assertThat(schema.ref()).isEqualTo(new SchemaRef(id, 3));
    }

    @Test
    void aFeatureWithoutEnvironmentsIsPresentEverywhereAndOneWithSomeOnlyThere() {
        Feature everywhere = new Feature("amount", FeatureType.DECIMAL, true, null, false, null);
        Feature trainingOnly = new Feature("fraud", FeatureType.BOOLEAN, true, null, true, Set.of("TRAINING"));
        assertThat(everywhere.domain()).isEqualTo(new FeatureDomain.Any());
        assertThat(everywhere.presentIn("SERVING")).isTrue();
        assertThat(trainingOnly.presentIn("TRAINING")).isTrue();
        assertThat(trainingOnly.presentIn("SERVING")).isFalse();
    }

    @Test
    void aRequiredFeatureMustBeFullyPresentAndBoundsAreChecked() {
        assertThat(new Feature("amount", FeatureType.DECIMAL, true, null, false, null).minFractionPresent()).isEqualTo(1.0);
        assertThat(new Feature("note", FeatureType.TEXT, false, null, false, null).minFractionPresent()).isZero();
        assertThat(new Feature("note", FeatureType.TEXT, true, null, false, null, 0.5, null, null).minFractionPresent())
                .as("required wins over a lower share").isEqualTo(1.0);
        assertThatThrownBy(() -> new Feature("note", FeatureType.TEXT, false, null, false, null, 1.5, null, null))
                .hasMessage("Feature note: the least share present must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> new Feature("plan", FeatureType.CATEGORICAL, false, null, false, null, 0, 5, 2))
                .hasMessage("Feature plan: the fewest distinct values (5) exceed the most (2)");
        assertThatThrownBy(() -> new DatasetSchema(UUID.randomUUID(), 1, List.of(), -1)).hasMessageContaining("least row count");
    }

    @Test
    void aRangeWhoseMinExceedsItsMaxIsRefusedAndCategoriesAreCopied() {
        assertThatThrownBy(() -> new FeatureDomain.Range(2.0, 1.0)).hasMessageContaining("exceeds");
        Set<String> values = new java.util.HashSet<>(Set.of("a", "b"));
        FeatureDomain.Categories categories = new FeatureDomain.Categories(values);
        values.add("c");
        assertThat(categories.values()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aRecipeKeepsItsStepsInOrderAndCannotBeChangedThroughTheListItWasGiven() {
        List<TransformStep> steps = new java.util.ArrayList<>(List.of(
                new TransformStep("impute", List.of("amount"), Map.of("value", "0")),
                new TransformStep("standardize", List.of("amount"), Map.of("mean", "12.5", "std", "3.1"))));
        TransformRecipe recipe = new TransformRecipe(UUID.randomUUID(), 2, "amounts", steps, new SchemaRef(UUID.randomUUID(), 1));
        steps.clear();
        assertThat(recipe.steps()).extracting(TransformStep::operation).containsExactly("impute", "standardize");
        assertThat(recipe.ref().version()).isEqualTo(2);
    }

    @Test
    void aDatasetVersionWithANegativeRowCountIsRefused() {
        DatasetSchema schema = new DatasetSchema(UUID.randomUUID(), 1, List.of(feature("amount", false)));
        DatasetRef dataset = new DatasetRef(UUID.randomUUID(), UUID.randomUUID(), "transactions");
        assertThatThrownBy(() -> new DatasetVersion(UUID.randomUUID(), dataset, 1, "ab", UUID.randomUUID(), -1, schema, null, "u"))
                .hasMessageContaining("rowCount");
    }
}
