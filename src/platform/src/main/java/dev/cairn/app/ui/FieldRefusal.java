package dev.cairn.app.ui;

/**
 * A refusal of one input field, named by the form's key for it ("key", "username"): the form shows
 * the message on that field and keeps what the user typed. Still an IllegalArgumentException, so
 * callers without a form treat it as any bad input.
 */
public class FieldRefusal extends IllegalArgumentException {

    private final String field;

    public FieldRefusal(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
