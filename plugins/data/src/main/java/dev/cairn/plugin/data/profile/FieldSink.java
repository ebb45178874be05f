package dev.cairn.plugin.data.profile;

/**
 * Takes rows field by field, as characters, straight from a CSV parser's buffer: most cells of a
 * column that repeats its values then cost a hash and a probe, and no string. The characters are
 * only valid during the call.
 */
interface FieldSink {

    /** Field {@code index} of the row that starts on {@code line}. */
    void field(int index, char[] chars, int offset, int length, long line);

    /** The row that started on {@code line} had {@code fieldCount} fields. */
    void endRow(int fieldCount, long line);
}
