package dev.cairn.api.files;

/**
 * What a caller says about content it is about to store.
 *
 * @param name           the file name the user gave (a path is cut to its last part)
 * @param contentType    the declared media type, or null
 * @param declaredLength the length the client announced, or {@link #UNKNOWN_LENGTH}: a declared
 *                       length over the limit is refused before a byte is read, and the limit is
 *                       enforced on the bytes actually read in any case
 */
public record NewFile(String name, String contentType, long declaredLength) {

    public static final long UNKNOWN_LENGTH = -1;

    public static NewFile named(String name) {
        return new NewFile(name, null, UNKNOWN_LENGTH);
    }
}
