package dev.cairn.plugin.data.recipepage;

import dev.cairn.plugin.data.DataPart;

/**
 * The recipes page, and the application of a recipe version to a dataset version: a dependent of its input (a
 * derived dataset's version was made from it), so the source dataset is not deleted from under it.
 */
public final class RecipePagePart {

    public static final DataPart PART = DataPart.builder()
            .route(RecipesView.class)
            .execution(DerivedVersions.APPLICATION_EXECUTION, "Recipe application")
            .build();

    private RecipePagePart() {
    }
}
