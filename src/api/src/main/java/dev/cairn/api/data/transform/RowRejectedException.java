package dev.cairn.api.data.transform;

/** A row the recipe cannot transform: the message names the step, the feature and the value. */
public class RowRejectedException extends IllegalArgumentException {

    private final String feature;

    public RowRejectedException(String feature, String message) {
        super(message);
        this.feature = feature;
    }

    /** The feature at fault, or null when the row as a whole is (the wrong number of values). */
    public String feature() {
        return feature;
    }
}
