package dev.cairn.api.data;

import java.util.UUID;

/** Names one version of a transform recipe. */
public record RecipeRef(UUID recipeId, int version) {
}
