package dev.cairn.api.data.transform;

import dev.cairn.api.data.TransformRecipe;
import dev.cairn.api.data.TransformStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one implementation of applying a transform recipe: the data stage previews and writes
 * transformed versions with it, modeling transforms training data with it, deployment transforms
 * each request with it. Compiled once per recipe version and column list; immutable and safe to
 * share between threads.
 *
 * <p>Values travel as text, as they are in a CSV file or a JSON request: numbers are parsed where a
 * step needs one and written back with {@link Double#toString(double)}'s shortest form. A value is
 * missing when it is blank or one of {@link Operation#MISSING_TOKENS} (the data stage's profiler
 * counts missing values by the same rule).
 *
 * <p>The operations and their parameters are those of {@link Operation}. Two of them filter rows:
 * {@code drop-missing} and {@code drop-duplicates}. A {@link Batch} applies them (a dataset
 * version); {@link #applyOne} serves one request, where dropping is not an answer: a row
 * {@code drop-missing} would drop is refused naming the feature, and {@code drop-duplicates} does
 * nothing.
 */
public final class RecipeTransform {

    private final TransformRecipe recipe;
    private final List<String> inputColumns;
    private final List<CompiledStep> steps;
    private final List<String> outputColumns;

    private RecipeTransform(TransformRecipe recipe, List<String> inputColumns, List<CompiledStep> steps, List<String> outputColumns) {
        this.recipe = recipe;
        this.inputColumns = inputColumns;
        this.steps = steps;
        this.outputColumns = outputColumns;
    }

    /**
     * Checks every step against the columns it will see and its parameters.
     *
     * @param inputColumns the columns of the rows it will be given, in order
     * @throws InvalidRecipeException naming the step (by number and operation) and what is wrong
     */
    public static RecipeTransform compile(TransformRecipe recipe, List<String> inputColumns) {
        Objects.requireNonNull(recipe, "recipe");
        List<String> columns = new ArrayList<>(List.copyOf(inputColumns));
        List<CompiledStep> compiled = new ArrayList<>();
        int number = 0;
        for (TransformStep step : recipe.steps()) {
            number++;
            CompiledStep one = CompiledStep.compile(number, step, List.copyOf(columns));
            columns = new ArrayList<>(one.outputColumns());
            compiled.add(one);
        }
        return new RecipeTransform(recipe, List.copyOf(inputColumns), List.copyOf(compiled), List.copyOf(columns));
    }

    public TransformRecipe recipe() {
        return recipe;
    }

    public List<String> inputColumns() {
        return inputColumns;
    }

    /** The columns of every transformed row, in order. */
    public List<String> outputColumns() {
        return outputColumns;
    }

    /**
     * Transforms one request's row (serving).
     *
     * @param row one value per input column, in order
     * @throws RowRejectedException naming the feature and the value at fault
     */
    public String[] applyOne(String[] row) {
        return transform(row, null).orElseThrow();
    }

    /** A pass over the rows of one batch, applying the row filters too; not thread-safe. */
    public Batch newBatch() {
        return new Batch();
    }

    private Optional<String[]> transform(String[] row, Batch batch) {
        if (row.length != inputColumns.size()) {
            throw new RowRejectedException(null, "the row has " + row.length + " values where the recipe takes " + inputColumns.size()
                    + " (" + String.join(", ", inputColumns) + ")");
        }
        List<String> values = new ArrayList<>(List.of(row));
        for (CompiledStep step : steps) {
            if (!step.apply(values, batch == null ? null : batch.seen)) {
                return Optional.empty();
            }
        }
        return Optional.of(values.toArray(String[]::new));
    }

    /** One batch's pass: rows the filters drop are counted, not returned. */
    public final class Batch {
        private final java.util.Set<List<String>> seen = new java.util.HashSet<>();
        private long dropped;

        private Batch() {
        }

        /**
         * @return the transformed row, or empty when a row filter dropped it
         * @throws RowRejectedException when a value cannot be transformed (text where a number belongs)
         */
        public Optional<String[]> apply(String[] row) {
            Optional<String[]> out = transform(row, this);
            if (out.isEmpty()) {
                dropped++;
            }
            return out;
        }

        /** Rows dropped so far by drop-missing and drop-duplicates. */
        public long dropped() {
            return dropped;
        }
    }
}
