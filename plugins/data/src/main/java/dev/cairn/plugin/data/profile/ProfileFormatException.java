package dev.cairn.plugin.data.profile;

/** Stored profile bytes that this version of Cairn cannot read, with the reason. */
public class ProfileFormatException extends IllegalArgumentException {

    public ProfileFormatException(String message) {
        super(message);
    }

    public ProfileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
