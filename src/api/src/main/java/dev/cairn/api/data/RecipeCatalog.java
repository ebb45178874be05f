package dev.cairn.api.data;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Transform recipes, for the stages that apply them. Implemented by the data plugin; read by
 * modeling (transform before training, record which recipe version trained a model) and by
 * deployment (apply the very same version at serving). The tenant in scope only: another tenant's
 * id is not found.
 */
public interface RecipeCatalog {

    Optional<TransformRecipe> recipe(RecipeRef recipe);

    /** The recipe's versions, newest first. */
    List<TransformRecipe> versions(UUID recipeId);

    /** The project's recipes, newest version of each. */
    List<TransformRecipe> recipes(UUID projectId);
}
