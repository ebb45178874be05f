package dev.cairn.plugin.data.profile;

import java.io.IOException;
import java.util.List;

/**
 * Rows for the profiler, read once from start to end: the importer of dataset versions implements
 * it over what it parses, {@link CsvRowSource} over a CSV file.
 */
public interface RowSource extends AutoCloseable {

    /** The column names, in the order of each row's fields. */
    List<String> header();

    /** The next row's fields, or null after the last row. */
    String[] next() throws IOException;

    /** Bytes of input consumed so far, for progress; -1 when the source cannot tell. */
    default long bytesRead() {
        return -1;
    }

    @Override
    default void close() throws IOException {
    }
}
