package dev.cairn.plugin.data.ingest;

import java.util.List;

/**
 * A file the importer refused. The message names the line (or the byte) and the column and says what
 * is wrong, fit to show the user as it is; {@link #samples()} quotes the offending lines. An
 * {@link IllegalArgumentException}: bad input, which the REST API answers with 400.
 */
public class ImportRejectedException extends IllegalArgumentException {

    /** What was wrong, for callers that react to the kind (and for tests). */
    public enum Problem {
        EMPTY_FILE, HEADER_ONLY, INVALID_ENCODING, EMPTY_COLUMN_NAME, DUPLICATE_COLUMN_NAME, TOO_MANY_COLUMNS, RAGGED_ROW,
        FIELD_TOO_LONG, UNCLOSED_QUOTE, MALFORMED,
        /** Named .parquet, but not Parquet (no "PAR1" at its start). */
        NOT_PARQUET,
        /** Parquet that cannot be read to its end: truncated (no "PAR1" at its end) or corrupt. */
        UNREADABLE_PARQUET,
        /** A Parquet column of a type the profiler has no use for (nested, binary, interval). */
        UNSUPPORTED_TYPE,
        /** A Parquet file with columns but not one row. */
        NO_ROWS
    }

    private final Problem problem;
    private final Long line;
    private final Integer column;
    private final Long byteOffset;
    private final List<SampleLine> samples;

    ImportRejectedException(Problem problem, String message, Long line, Integer column, Long byteOffset, List<SampleLine> samples) {
        super(message);
        this.problem = problem;
        this.line = line;
        this.column = column;
        this.byteOffset = byteOffset;
        this.samples = List.copyOf(samples);
    }

    public Problem problem() {
        return problem;
    }

    /** The (first) offending line, 1-based; null when the file as a whole is at fault. */
    public Long line() {
        return line;
    }

    /** The offending column, 1-based; null when no one column is at fault. */
    public Integer column() {
        return column;
    }

    /** For invalid encoding: the offset of the first invalid byte, 0-based from the file's start. */
    public Long byteOffset() {
        return byteOffset;
    }

    /** The offending lines as the file has them (cut to a readable length), first offence first. */
    public List<SampleLine> samples() {
        return samples;
    }
}
