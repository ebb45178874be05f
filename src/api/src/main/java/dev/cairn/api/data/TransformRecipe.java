package dev.cairn.api.data;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A versioned feature transformation: learnt once on training data and applied the same way at
 * serving, so training and serving never drift apart through code pasted twice.
 *
 * @param id       the recipe (the same for all its versions)
 * @param version  1, 2, ...
 * @param name     what users call it
 * @param steps    applied in this order
 * @param expects  the schema version of the data it takes
 */
public record TransformRecipe(UUID id, int version, String name, List<TransformStep> steps, SchemaRef expects) {

    public TransformRecipe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expects, "expects");
        steps = List.copyOf(steps);
    }

    public RecipeRef ref() {
        return new RecipeRef(id, version);
    }
}
