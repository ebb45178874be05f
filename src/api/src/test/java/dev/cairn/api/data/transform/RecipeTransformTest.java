package dev.cairn.api.data.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.api.data.SchemaRef;
import dev.cairn.api.data.TransformRecipe;
import dev.cairn.api.data.TransformStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecipeTransformTest {

    private static final List<String> COLUMNS = List.of("id", "plan", "charge", "calls", "region");

    private static TransformRecipe recipe(TransformStep... steps) {
        return new TransformRecipe(UUID.randomUUID(), 1, "test", List.of(steps), new SchemaRef(UUID.randomUUID(), 1));
    }

    private static TransformStep step(String operation, List<String> inputs, Map<String, String> parameters) {
        return new TransformStep(operation, inputs, parameters);
    }

    private static List<String[]> batch(RecipeTransform transform, String[]... rows) {
        RecipeTransform.Batch batch = transform.newBatch();
        List<String[]> out = new ArrayList<>();
        for (String[] row : rows) {
            batch.apply(row).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void numericStepsComputeWhatTheySayAndLeaveMissingValuesMissing() {
        RecipeTransform transform = RecipeTransform.compile(recipe(
                step("clip", List.of("charge"), Map.of("max", "40")),
                step("standardize", List.of("charge"), Map.of("mean", "20", "std", "10")),
                step("min-max", List.of("calls"), Map.of("min", "0", "max", "4")),
                step("log", List.of("id"), Map.of())), COLUMNS);

        String[] out = transform.applyOne(new String[] {"0", "basic", "55", "3", "north"});
        assertThat(out).containsExactly("0.0", "basic", "2.0", "0.75", "north");
        assertThat(Double.parseDouble(transform.applyOne(new String[] {"9", "pro", "10", "", "south"})[0])).isCloseTo(Math.log(10), within(1e-12));
        assertThat(transform.applyOne(new String[] {"1", "pro", "NA", "", "south"})).containsExactly(String.valueOf(Math.log(2)), "pro", "NA", "", "south");
    }

    @Test
    void imputeFillsOnlyMissingValuesAndBucketizeGivesTheBucketIndex() {
        RecipeTransform transform = RecipeTransform.compile(recipe(
                step("impute", List.of("calls"), Map.of("value", "1", "strategy", "median")),
                step("bucketize", List.of("calls"), Map.of("bounds", RecipeLists.encode(List.of("1", "3"))))), COLUMNS);

        assertThat(transform.applyOne(new String[] {"1", "a", "1", "", "n"})[3]).as("imputed 1, in [1, 3)").isEqualTo("1");
        assertThat(transform.applyOne(new String[] {"1", "a", "1", "0", "n"})[3]).as("below the first bound").isEqualTo("0");
        assertThat(transform.applyOne(new String[] {"1", "a", "1", "3", "n"})[3]).as("at the last bound").isEqualTo("2");
        assertThat(transform.applyOne(new String[] {"1", "a", "1", "null", "n"})[3]).as("a missing token is imputed").isEqualTo("1");
    }

    @Test
    void oneHotReplacesTheColumnAndCrossAddsOne() {
        RecipeTransform transform = RecipeTransform.compile(recipe(
                step("cross", List.of("plan", "region"), Map.of()),
                step("one-hot", List.of("plan"), Map.of("categories", RecipeLists.encode(List.of("basic", "pro, annual")), "other", "true")),
                step("drop", List.of("id"), Map.of())), COLUMNS);

        assertThat(transform.outputColumns()).containsExactly("plan=basic", "plan=pro, annual", "plan=other", "charge", "calls", "region",
                "plan_x_region");
        assertThat(transform.applyOne(new String[] {"1", "pro, annual", "9", "1", "north"}))
                .containsExactly("0", "1", "0", "9", "1", "north", "pro, annual|north");
        assertThat(transform.applyOne(new String[] {"1", "family", "9", "1", ""})).containsExactly("0", "0", "1", "9", "1", "", "");
        assertThat(transform.applyOne(new String[] {"1", "", "9", "1", "n"})).as("missing is no category, not other")
                .containsExactly("0", "0", "0", "9", "1", "n", "");
    }

    @Test
    void rowFiltersDropInABatchAndRefuseOrPassAtServing() {
        RecipeTransform transform = RecipeTransform.compile(recipe(
                step("drop-missing", List.of("charge"), Map.of()),
                step("drop-duplicates", List.of("plan", "charge"), Map.of())), COLUMNS);
        RecipeTransform.Batch batch = transform.newBatch();

        assertThat(batch.apply(new String[] {"1", "basic", "9", "1", "n"})).isPresent();
        assertThat(batch.apply(new String[] {"2", "basic", "9", "4", "s"})).as("same plan and charge").isEmpty();
        assertThat(batch.apply(new String[] {"3", "basic", "", "4", "s"})).as("charge missing").isEmpty();
        assertThat(batch.apply(new String[] {"4", "pro", "9", "4", "s"})).isPresent();
        assertThat(batch.dropped()).isEqualTo(2);

        assertThat(transform.applyOne(new String[] {"2", "basic", "9", "4", "s"})).as("no duplicates at serving").hasSize(5);
        assertThatThrownBy(() -> transform.applyOne(new String[] {"3", "basic", " ", "4", "s"}))
                .isInstanceOf(RowRejectedException.class)
                .hasMessage("Step 1 (drop-missing charge): charge is missing, and the recipe drops such rows")
                .extracting(e -> ((RowRejectedException) e).feature()).isEqualTo("charge");
        assertThat(batch(RecipeTransform.compile(recipe(step("drop-duplicates", List.of(), Map.of())), COLUMNS),
                new String[] {"1", "a", "1", "1", "n"}, new String[] {"1", "a", "1", "1", "n"}, new String[] {"2", "a", "1", "1", "n"}))
                .as("whole rows when no inputs are named").hasSize(2);
    }

    @Test
    void aValueThatIsNotANumberIsRefusedNamingTheStepTheFeatureAndTheValue() {
        RecipeTransform transform = RecipeTransform.compile(recipe(step("standardize", List.of("charge"), Map.of("mean", "0", "std", "1"))), COLUMNS);
        assertThatThrownBy(() -> transform.applyOne(new String[] {"1", "a", "twelve", "1", "n"}))
                .hasMessage("Step 1 (standardize charge): charge is \"twelve\", not a number");
        assertThatThrownBy(() -> transform.applyOne(new String[] {"1", "a"}))
                .hasMessageStartingWith("the row has 2 values where the recipe takes 5");
        RecipeTransform log = RecipeTransform.compile(recipe(step("log", List.of("charge"), Map.of("offset", "0"))), COLUMNS);
        assertThatThrownBy(() -> log.applyOne(new String[] {"1", "a", "-2", "1", "n"}))
                .hasMessage("Step 1 (log charge): charge is -2.0: ln(x + 0.0) needs x above 0.0");
    }

    @Test
    void aRecipeThatCannotRunIsRefusedAtCompileNamingTheStep() {
        assertThatThrownBy(() -> RecipeTransform.compile(recipe(step("scale", List.of("charge"), Map.of())), COLUMNS))
                .isInstanceOf(InvalidRecipeException.class).hasMessageStartingWith("Step 1: \"scale\" is not an operation (one of drop, ");
        assertThatThrownBy(() -> RecipeTransform.compile(recipe(step("drop", List.of("plan"), Map.of()),
                step("one-hot", List.of("plan"), Map.of("categories", "a"))), COLUMNS))
                .hasMessage("Step 2 (one-hot plan): there is no column \"plan\" at this step (columns: id, charge, calls, region).");
        assertThatThrownBy(() -> RecipeTransform.compile(recipe(step("standardize", List.of("charge"), Map.of("mean", "1", "std", "0"))), COLUMNS))
                .hasMessage("Step 1 (standardize charge): the parameter \"std\" must be above 0, was 0.0.");
        assertThatThrownBy(() -> RecipeTransform.compile(recipe(step("standardize", List.of("charge"), Map.of("std", "2"))), COLUMNS))
                .hasMessage("Step 1 (standardize charge): the parameter \"mean\" is missing.");
        assertThatThrownBy(() -> RecipeTransform.compile(recipe(step("bucketize", List.of("charge"),
                Map.of("bounds", RecipeLists.encode(List.of("3", "1"))))), COLUMNS))
                .hasMessage("Step 1 (bucketize charge): the bounds must be finite and strictly ascending (bound 2).");
        assertThatThrownBy(() -> RecipeTransform.compile(recipe(step("impute", List.of("charge", "calls"), Map.of("value", "0"))), COLUMNS))
                .hasMessage("Step 1 (impute charge, calls): takes 1 column, was given 2.");
        assertThatThrownBy(() -> RecipeTransform.compile(recipe(step("clip", List.of("charge"), Map.of("min", "5", "max", "1"))), COLUMNS))
                .hasMessage("Step 1 (clip charge): \"min\" (5.0) is above \"max\" (1.0).");
        assertThatThrownBy(() -> RecipeTransform.compile(recipe(step("cross", List.of("plan", "region"), Map.of("name", "id"))), COLUMNS))
                .hasMessage("Step 1 (cross plan, region): the column \"id\" exists already; name the cross.");
    }

    @Test
    void listsSurviveCommasQuotesBackslashesAndLineBreaks() {
        List<String> items = List.of("a, b", "say \"hi\"", "back\\slash", "two\nlines", "");
        assertThat(RecipeLists.decode(RecipeLists.encode(items))).isEqualTo(items);
        assertThat(RecipeLists.encode(List.of("x", "y"))).isEqualTo("x\ny");
    }
}
