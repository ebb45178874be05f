package dev.cairn.api.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a transform recipe.
 *
 * @param operation  what it does ("impute", "standardize", "one-hot", "bucketize", "cross", ...)
 * @param inputs     the feature names it reads
 * @param parameters what it learnt or was told (a mean, a standard deviation, bucket bounds, the
 *                   category list), as text so that training and serving read the same values
 */
public record TransformStep(String operation, List<String> inputs, Map<String, String> parameters) {

    public TransformStep {
        Objects.requireNonNull(operation, "operation");
        inputs = List.copyOf(inputs);
        parameters = Map.copyOf(parameters);
    }
}
