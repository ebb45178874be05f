package dev.cairn.plugin.data;

import dev.cairn.api.data.RecipeCatalog;
import dev.cairn.api.data.RecipeRef;
import dev.cairn.api.data.TransformRecipe;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The data stage's answer to {@link RecipeCatalog}: for modeling and deployment, which apply a
 * version with cairn-api's RecipeTransform. The tenant in scope only; callers check their own
 * permissions.
 */
@Component
class DataRecipeCatalog implements RecipeCatalog {

    private final DatasetRecipes recipes;

    DataRecipeCatalog(DatasetRecipes recipes) {
        this.recipes = recipes;
    }

    @Override
    public Optional<TransformRecipe> recipe(RecipeRef recipe) {
        return recipes.recipe(recipe.recipeId(), recipe.version());
    }

    @Override
    public List<TransformRecipe> versions(UUID recipeId) {
        return recipes.allVersions(recipeId);
    }

    @Override
    public List<TransformRecipe> recipes(UUID projectId) {
        return recipes.newestOfProject(projectId);
    }
}
