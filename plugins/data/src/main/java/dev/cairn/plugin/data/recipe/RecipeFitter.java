package dev.cairn.plugin.data.recipe;

import dev.cairn.api.data.SchemaRef;
import dev.cairn.api.data.TransformRecipe;
import dev.cairn.api.data.TransformStep;
import dev.cairn.api.data.transform.InvalidRecipeException;
import dev.cairn.api.data.transform.Operation;
import dev.cairn.api.data.transform.RecipeLists;
import dev.cairn.api.data.transform.RecipeTransform;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.NumericSummary;
import dev.cairn.plugin.data.profile.ProfileOptions;
import dev.cairn.plugin.data.profile.Profiler;
import dev.cairn.plugin.data.profile.Quantiles;
import dev.cairn.plugin.data.profile.RowSource;
import dev.cairn.plugin.data.profile.ValueCount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Fits a recipe's steps on a training version, as a pipeline is fitted: each step learns from the
 * data as the steps before it left it (a standardisation after an imputation sees the imputed
 * values). Statistics come from the profiler, so a pass costs what profiling costs; a pass is
 * reused for the next steps as long as the steps in between neither filter rows nor touch their
 * columns, so a usual recipe (impute this, standardise that, one-hot a third) is one pass.
 */
public final class RecipeFitter {

    /** A new pass over the training version's rows, from its first row. */
    @FunctionalInterface
    public interface Rows {
        RowSource open() throws IOException;
    }

    private static final SchemaRef NO_SCHEMA = new SchemaRef(new UUID(0, 0), 0);

    private RecipeFitter() {
    }

    /**
     * @param columns the training version's columns, in order
     * @throws InvalidRecipeException naming the step when a choice is wrong or a column has no numbers to learn from
     */
    public static FittedRecipe fit(List<String> columns, List<StepPlan> plan, Rows rows) throws IOException {
        List<TransformStep> fitted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        DatasetProfile profile = null;
        int profiledPrefix = -1;
        int passes = 0;
        for (int i = 0; i < plan.size(); i++) {
            StepPlan step = plan.get(i);
            String label = "Step " + (i + 1) + " (" + step.operation().id() + " " + String.join(", ", step.inputs()) + ")";
            if (needsStatistics(step)) {
                if (profile == null || !reusable(plan, profiledPrefix, i)) {
                    profile = profileAfter(columns, fitted, rows);
                    profiledPrefix = i;
                    passes++;
                }
                fitted.add(new TransformStep(step.operation().id(), step.inputs(), fitParameters(label, step, profile, notes)));
            } else {
                fitted.add(new TransformStep(step.operation().id(), step.inputs(), passThrough(step)));
            }
            // Compiling now names a wrong column or parameter at its own step, before any later pass.
            RecipeTransform.compile(recipe(fitted), columns);
        }
        return new FittedRecipe(fitted, notes, passes);
    }

    static boolean needsStatistics(StepPlan step) {
        Map<String, String> c = step.choices();
        return switch (step.operation()) {
            case IMPUTE -> !"constant".equals(c.getOrDefault("strategy", "mean"));
            case CLIP -> c.containsKey("lower") || c.containsKey("upper");
            case STANDARDIZE, MIN_MAX -> true;
            case BUCKETIZE -> !c.containsKey("bounds");
            case ONE_HOT -> !c.containsKey("categories");
            default -> false;
        };
    }

    /** Whether the profile taken before step {@code from} still describes step {@code to}'s inputs. */
    private static boolean reusable(List<StepPlan> plan, int from, int to) {
        Set<String> inputs = new HashSet<>(plan.get(to).inputs());
        for (int k = from; k < to; k++) {
            StepPlan between = plan.get(k);
            if (between.operation() == Operation.DROP_MISSING || between.operation() == Operation.DROP_DUPLICATES) {
                return false;
            }
            if (between.inputs().stream().anyMatch(inputs::contains)) {
                return false;
            }
        }
        return true;
    }

    private static DatasetProfile profileAfter(List<String> columns, List<TransformStep> fitted, Rows rows) throws IOException {
        RecipeTransform prefix = RecipeTransform.compile(recipe(fitted), columns);
        try (RowSource source = rows.open(); TransformedRows transformed = new TransformedRows(source, prefix)) {
            return Profiler.profile(transformed, ProfileOptions.defaults());
        }
    }

    private static TransformRecipe recipe(List<TransformStep> steps) {
        return new TransformRecipe(new UUID(0, 0), 0, "fitting", steps, NO_SCHEMA);
    }

    private static Map<String, String> passThrough(StepPlan step) {
        Map<String, String> out = new HashMap<>(step.choices());
        if (step.operation() == Operation.IMPUTE) {
            out.putIfAbsent("strategy", "constant");
        }
        return out;
    }

    private static Map<String, String> fitParameters(String label, StepPlan step, DatasetProfile profile, List<String> notes) {
        Map<String, String> choices = step.choices();
        Map<String, String> out = new HashMap<>(choices);
        String input = step.inputs().isEmpty() ? null : step.inputs().getFirst();
        ColumnProfile column = input == null || !profile.columnNames().contains(input) ? null : profile.column(input);
        if (column == null) {
            throw new InvalidRecipeException(label + ": there is no column \"" + input + "\" at this step.");
        }
        switch (step.operation()) {
            case IMPUTE -> {
                String strategy = choices.getOrDefault("strategy", "mean");
                out.put("strategy", strategy);
                switch (strategy) {
                    case "mean" -> out.put("value", number(numeric(label, column).mean()));
                    case "median" -> {
                        Quantiles median = quantiles(label, column, 0.5);
                        out.put("value", number(median.values()[0]));
                        if (!median.exact()) {
                            notes.add(label + ": median " + out.get("value") + " estimated from a sketch (rank error "
                                    + percent(median.rankError()) + ").");
                        }
                    }
                    case "most-frequent" -> {
                        List<ValueCount> top = column.topValues(1);
                        if (top.isEmpty()) {
                            throw new InvalidRecipeException(label + ": " + input + " has no values to take the most frequent from.");
                        }
                        out.put("value", top.getFirst().value());
                    }
                    default -> throw new InvalidRecipeException(label + ": the strategy must be mean, median, most-frequent or constant, was \""
                            + strategy + "\".");
                }
            }
            case CLIP -> {
                for (String bound : List.of("lower", "upper")) {
                    if (choices.containsKey(bound)) {
                        double rank = rank(label, bound, choices.get(bound));
                        Quantiles q = quantiles(label, column, rank);
                        out.remove(bound);
                        out.put(bound.equals("lower") ? "min" : "max", number(q.values()[0]));
                        if (!q.exact()) {
                            notes.add(label + ": the " + bound + " bound (rank " + rank + ") estimated from a sketch (rank error "
                                    + percent(q.rankError()) + ").");
                        }
                    }
                }
            }
            case STANDARDIZE -> {
                NumericSummary summary = numeric(label, column);
                if (!(summary.std() > 0)) {
                    throw new InvalidRecipeException(label + ": " + input + " has one value only (standard deviation 0): nothing to standardise.");
                }
                // The population standard deviation, as scikit-learn's StandardScaler divides by (the profile keeps n - 1's).
                double n = summary.count();
                out.put("mean", number(summary.mean()));
                out.put("std", number(summary.std() * Math.sqrt((n - 1) / n)));
            }
            case MIN_MAX -> {
                NumericSummary summary = numeric(label, column);
                if (!(summary.max() > summary.min())) {
                    throw new InvalidRecipeException(label + ": " + input + " has one value only: nothing to scale.");
                }
                out.put("min", number(summary.min()));
                out.put("max", number(summary.max()));
            }
            case BUCKETIZE -> {
                int buckets = count(label, "buckets", choices.getOrDefault("buckets", "4"), 2, 100);
                double[] ranks = new double[buckets - 1];
                for (int k = 1; k < buckets; k++) {
                    ranks[k - 1] = (double) k / buckets;
                }
                Quantiles q = quantiles(label, column, ranks);
                Set<String> bounds = new LinkedHashSet<>();
                for (double value : q.values()) {
                    bounds.add(number(value));
                }
                out.remove("buckets");
                out.put("bounds", RecipeLists.encode(List.copyOf(bounds)));
                if (bounds.size() < ranks.length) {
                    notes.add(label + ": " + bounds.size() + " distinct bounds for " + buckets + " buckets (values repeat).");
                }
                if (!q.exact()) {
                    notes.add(label + ": bounds estimated from a sketch (rank error " + percent(q.rankError()) + ").");
                }
            }
            case ONE_HOT -> {
                int top = count(label, "top", choices.getOrDefault("top", "10"), 1, 1000);
                List<String> categories = column.topValues(top).stream().map(ValueCount::value).toList();
                if (categories.isEmpty()) {
                    throw new InvalidRecipeException(label + ": " + input + " has no values to take categories from.");
                }
                out.remove("top");
                out.put("categories", RecipeLists.encode(categories));
                if (column.topValuesMaximumError() > 0) {
                    notes.add(label + ": the most frequent categories are estimated (counts off by at most "
                            + column.topValuesMaximumError() + ").");
                }
            }
            default -> throw new IllegalStateException("nothing to fit for " + step.operation());
        }
        return out;
    }

    private static NumericSummary numeric(String label, ColumnProfile column) {
        return column.numeric().filter(n -> n.count() > 0).orElseThrow(() -> new InvalidRecipeException(label + ": " + column.name()
                + " has no numbers to learn from."));
    }

    private static Quantiles quantiles(String label, ColumnProfile column, double... ranks) {
        return column.quantiles(ranks).orElseThrow(() -> new InvalidRecipeException(label + ": " + column.name()
                + " has no numbers to learn from."));
    }

    private static double rank(String label, String name, String text) {
        try {
            double rank = Double.parseDouble(text.strip());
            if (rank >= 0 && rank <= 1) {
                return rank;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new InvalidRecipeException(label + ": \"" + name + "\" is a rank between 0 and 1, was \"" + text + "\".");
    }

    private static int count(String label, String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new InvalidRecipeException(label + ": \"" + name + "\" is a whole number from " + min + " to " + max + ", was \"" + text + "\".");
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", share * 100);
    }
}
