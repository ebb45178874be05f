package dev.cairn.plugin.data.recipe;

import dev.cairn.api.data.TransformStep;
import java.util.List;

/**
 * The steps with what they learnt from the training version, ready to be saved as a recipe
 * version, and what a person should know about how they were fitted.
 *
 * @param steps  in order, each with its fitted parameters
 * @param notes  e.g. "Step 2 (impute income): median 41250 estimated from a sketch (rank error 0.33%)"
 * @param passes how many times the training version was read
 */
public record FittedRecipe(List<TransformStep> steps, List<String> notes, int passes) {

    public FittedRecipe {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }
}
