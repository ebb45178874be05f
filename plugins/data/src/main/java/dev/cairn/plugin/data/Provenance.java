package dev.cairn.plugin.data;

/**
 * Where a dataset version came from, as its uploader tells it; editable later (the bytes never).
 *
 * @param source           where the data was taken from ("CRM export, nightly job")
 * @param collectionMethod how it was gathered ("all active subscribers, full snapshot")
 * @param licence          the licence or consent it may be used under
 * @param notes            anything else
 */
public record Provenance(String source, String collectionMethod, String licence, String notes) {

    public static final Provenance NONE = new Provenance("", "", "", "");

    /** Stripped, empty for missing, each within its column's length; a longer one is refused naming the field. */
    public Provenance {
        source = clean("Source", source, 1000);
        collectionMethod = clean("Collection method", collectionMethod, 1000);
        licence = clean("Licence or consent", licence, 1000);
        notes = clean("Notes", notes, 4000);
    }

    private static String clean(String field, String value, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.length() > max) {
            throw new IllegalArgumentException(field + " must have at most " + max + " characters.");
        }
        return clean;
    }
}
