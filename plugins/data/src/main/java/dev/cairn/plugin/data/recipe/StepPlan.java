package dev.cairn.plugin.data.recipe;

import dev.cairn.api.data.transform.Operation;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A step as a person asks for it, before it is fitted: the operation, its columns, and the
 * choices that say how to fit it. The choices by operation:
 * <ul>
 *   <li>impute: {@code strategy} mean, median, most-frequent or constant (with {@code value});</li>
 *   <li>clip: {@code min} and/or {@code max}, or the ranks {@code lower} and/or {@code upper}
 *       (e.g. 0.01 and 0.99) read from the data;</li>
 *   <li>standardize, min-max: nothing (mean and standard deviation, or min and max, come from the data);</li>
 *   <li>bucketize: {@code bounds} (a list, see RecipeLists), or {@code buckets} n for n equal-frequency buckets;</li>
 *   <li>one-hot: {@code categories} (a list), or {@code top} k for the k most frequent; {@code other} true
 *       adds a column for the rest;</li>
 *   <li>log: {@code offset} (default 1); cross: {@code name}; drop, drop-missing, drop-duplicates: nothing.</li>
 * </ul>
 */
public record StepPlan(Operation operation, List<String> inputs, Map<String, String> choices) {

    public StepPlan {
        Objects.requireNonNull(operation, "operation");
        inputs = List.copyOf(inputs);
        choices = Map.copyOf(choices);
    }
}
