package dev.cairn.api.data.transform;

/** A recipe step that cannot run on the given columns or with its parameters; the message names the step. */
public class InvalidRecipeException extends IllegalArgumentException {

    public InvalidRecipeException(String message) {
        super(message);
    }
}
