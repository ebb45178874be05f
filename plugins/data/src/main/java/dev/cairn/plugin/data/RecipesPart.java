package dev.cairn.plugin.data;

/** Transform recipes: each fitted version of a dataset's recipe and the fitting that made it. */
final class RecipesPart {

    static final DataPart PART = DataPart.builder()
            .ownArtifact(DataPlugin.RECIPE_ARTIFACT, "Transform recipe version")
            .ownExecution(DataPlugin.RECIPE_FIT_EXECUTION, "Recipe fitting")
            .build();

    private RecipesPart() {
    }
}
