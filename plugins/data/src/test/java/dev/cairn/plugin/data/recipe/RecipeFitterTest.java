package dev.cairn.plugin.data.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.api.data.SchemaRef;
import dev.cairn.api.data.TransformRecipe;
import dev.cairn.api.data.TransformStep;
import dev.cairn.api.data.transform.InvalidRecipeException;
import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.data.transform.RecipeLists;
import dev.cairn.api.data.transform.RecipeTransform;
import dev.cairn.plugin.data.profile.CsvRowSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Fitting on a small version whose answers are worked out by hand below. */
class RecipeFitterTest {

    // x: 1..8 present, two missing; c: a x5, b x3, c x2; y: 10..100.
    private static final String CSV = """
            x,c,y
            1,a,10
            2,a,20
            ,b,30
            3,a,40
            4,c,50
            5,b,60
            ,a,70
            6,b,80
            7,a,90
            8,c,100
            """;
    private static final List<String> COLUMNS = List.of("x", "c", "y");

    private final AtomicInteger opened = new AtomicInteger();

    private CsvRowSource rows() {
        opened.incrementAndGet();
        return new CsvRowSource(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), ',', StandardCharsets.UTF_8);
    }

    private FittedRecipe fit(StepPlan... plan) throws IOException {
        return RecipeFitter.fit(COLUMNS, List.of(plan), this::rows);
    }

    private static StepPlan plan(Operation operation, String input, Map<String, String> choices) {
        return new StepPlan(operation, List.of(input), choices);
    }

    private static double parameter(TransformStep step, String name) {
        return Double.parseDouble(step.parameters().get(name));
    }

    @Test
    void eachStepLearnsFromTheDataAsTheStepsBeforeLeftIt() throws IOException {
        FittedRecipe fitted = fit(plan(Operation.IMPUTE, "x", Map.of("strategy", "mean")),
                plan(Operation.ONE_HOT, "c", Map.of("top", "2")),
                plan(Operation.STANDARDIZE, "x", Map.of()));

        // mean of 1..8 = 4.5; after imputing, x = 1..8 plus 4.5 twice: mean 4.5, population variance
        // (sum of (k - 4.5)^2 for k = 1..8, i.e. 42) / 10 = 4.2.
        assertThat(parameter(fitted.steps().get(0), "value")).isEqualTo(4.5);
        assertThat(RecipeLists.decode(fitted.steps().get(1).parameters().get("categories"))).containsExactly("a", "b");
        assertThat(parameter(fitted.steps().get(2), "mean")).isCloseTo(4.5, within(1e-12));
        assertThat(parameter(fitted.steps().get(2), "std")).as("of the imputed values, population").isCloseTo(Math.sqrt(4.2), within(1e-12));
        assertThat(fitted.passes()).as("one-hot reuses the first pass; standardize follows the imputation of its column").isEqualTo(2);
        assertThat(opened.get()).isEqualTo(2);
        assertThat(fitted.notes()).as("exact statistics on a small version").isEmpty();

        RecipeTransform transform = RecipeTransform.compile(new TransformRecipe(UUID.randomUUID(), 1, "r", fitted.steps(),
                new SchemaRef(UUID.randomUUID(), 1)), COLUMNS);
        assertThat(transform.outputColumns()).containsExactly("x", "c=a", "c=b", "y");
        assertThat(Double.parseDouble(transform.applyOne(new String[] {"", "c", "5"})[0])).as("imputed to the mean, standardised to 0")
                .isCloseTo(0, within(1e-12));
    }

    @Test
    void medianMostFrequentClipAndBucketsComeFromTheValues() throws IOException {
        FittedRecipe fitted = fit(plan(Operation.IMPUTE, "x", Map.of("strategy", "median")),
                plan(Operation.IMPUTE, "c", Map.of("strategy", "most-frequent")),
                plan(Operation.CLIP, "y", Map.of("lower", "0.1", "upper", "0.9")),
                plan(Operation.BUCKETIZE, "y", Map.of("buckets", "2")));

        // Median of 1..8 as the profiler defines a quantile (the smallest value with half at or below it): 4.
        assertThat(parameter(fitted.steps().get(0), "value")).isEqualTo(4.0);
        assertThat(fitted.steps().get(1).parameters()).containsEntry("value", "a").containsEntry("strategy", "most-frequent");
        assertThat(parameter(fitted.steps().get(2), "min")).isEqualTo(10.0);
        assertThat(parameter(fitted.steps().get(2), "max")).isEqualTo(90.0);
        assertThat(fitted.steps().get(2).parameters()).doesNotContainKeys("lower", "upper");
        assertThat(RecipeLists.decode(fitted.steps().get(3).parameters().get("bounds"))).as("the median of the clipped y").containsExactly("50.0");
    }

    @Test
    void aRowFilterBeforeAStepMakesItLearnFromTheRowsLeft() throws IOException {
        FittedRecipe fitted = fit(new StepPlan(Operation.DROP_MISSING, List.of("x"), Map.of()), plan(Operation.MIN_MAX, "y", Map.of()));
        // The rows with y = 30 and 70 are dropped with their missing x; min and max stay 10 and 100.
        assertThat(parameter(fitted.steps().get(1), "min")).isEqualTo(10.0);
        FittedRecipe mean = fit(new StepPlan(Operation.DROP_MISSING, List.of("x"), Map.of()), plan(Operation.STANDARDIZE, "y", Map.of()));
        // y without 30 and 70: 10, 20, 40, 50, 60, 80, 90, 100, mean 56.25.
        assertThat(parameter(mean.steps().get(1), "mean")).isEqualTo(56.25);
        assertThat(mean.passes()).isEqualTo(1);
    }

    @Test
    void choicesThatCannotBeFittedAreRefusedNamingTheStep() {
        assertThatThrownBy(() -> fit(plan(Operation.STANDARDIZE, "c", Map.of())))
                .isInstanceOf(InvalidRecipeException.class).hasMessage("Step 1 (standardize c): c has no numbers to learn from.");
        assertThatThrownBy(() -> fit(plan(Operation.IMPUTE, "x", Map.of("strategy", "mode"))))
                .hasMessage("Step 1 (impute x): the strategy must be mean, median, most-frequent or constant, was \"mode\".");
        assertThatThrownBy(() -> fit(plan(Operation.CLIP, "y", Map.of("upper", "99"))))
                .hasMessage("Step 1 (clip y): \"upper\" is a rank between 0 and 1, was \"99\".");
        assertThatThrownBy(() -> fit(new StepPlan(Operation.DROP, List.of("x"), Map.of()), plan(Operation.MIN_MAX, "x", Map.of())))
                .hasMessage("Step 2 (min-max x): there is no column \"x\" at this step.");
        assertThatThrownBy(() -> fit(plan(Operation.IMPUTE, "x", Map.of("strategy", "constant"))))
                .as("a constant needs its value").hasMessage("Step 1 (impute x): the parameter \"value\" is missing.");
    }
}
