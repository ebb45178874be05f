package dev.cairn.plugin.data.ingest;

import dev.cairn.plugin.data.ingest.ImportRejectedException.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strict check of a Parquet file (SECURITY.md item 16, ADR 0026), through DuckDB on the spooled
 * upload on disk (never in the JVM's memory): "PAR1" at both ends, the column names from the file's
 * own schema (none blank, none twice, at most the column limit), every column of a type the profiler
 * reads (numbers, text, booleans, dates, timestamps; no nested, binary or interval columns), at least
 * one row, and then every page decoded once (a corrupt page is refused here, not half-way through a
 * later profile), which also measures the longest text value against the field limit.
 */
public final class ParquetImporter {

    private final ImportLimits limits;
    private final ParquetProperties duckDb;

    public ParquetImporter(ImportLimits limits, ParquetProperties duckDb) {
        this.limits = limits;
        this.duckDb = duckDb;
    }

    /**
     * @param file     the upload, whole, on disk
     * @param fileName the name the user gave it, for messages
     * @throws ImportRejectedException naming the column (or the file) at fault
     */
    public ImportSummary check(Path file, String fileName) {
        if (size(file) == 0) {
            throw reject(Problem.EMPTY_FILE, "The file is empty: it holds no rows.", null);
        }
        if (!ParquetMagic.startsWithMagic(file)) {
            throw reject(Problem.NOT_PARQUET, "\"" + fileName + "\" is named as a Parquet file but is not one: a Parquet file starts with"
                    + " the bytes PAR1. If it is a CSV or TSV file, upload it with a .csv or .tsv name.", null);
        }
        if (!ParquetMagic.endsWithMagic(file)) {
            throw reject(Problem.UNREADABLE_PARQUET, "\"" + fileName + "\" starts as a Parquet file but does not end as one (no PAR1 in its"
                    + " last bytes): it is truncated, perhaps an upload or copy that broke off. Upload the whole file again.", null);
        }
        try (DuckDbSession session = DuckDbSession.open(duckDb, List.of(file))) {
            List<String> columns = columnNames(session, file, fileName);
            List<ParquetColumn> types = ParquetColumn.of(session, file);
            unsupported(columns, types);
            return decodeAll(session, file, fileName, columns);
        } catch (DuckDbSession.Failure unreadable) {
            throw reject(Problem.UNREADABLE_PARQUET, "\"" + fileName + "\" cannot be read as Parquet: " + duckDbMessage(unreadable, file, fileName)
                    + ". Write the file again (for example with pandas' to_parquet or DuckDB's COPY ... TO) and upload it.", null);
        }
    }

    /** The top-level names as the file's schema has them (DuckDB renames duplicates when it reads, so they are checked here). */
    private List<String> columnNames(DuckDbSession session, Path file, String fileName) {
        List<String> names = new ArrayList<>();
        List<Integer> children = new ArrayList<>();
        for (Object[] row : session.query("SELECT name, coalesce(num_children, 0)::INTEGER FROM parquet_schema(?)", file)) {
            names.add(row[0] == null ? null : row[0].toString());
            children.add(((Number) row[1]).intValue());
        }
        // The flattened schema tree, depth first: its root, then each top-level column followed by its nested fields.
        List<String> top = new ArrayList<>();
        int at = 1;
        while (at < names.size()) {
            top.add(names.get(at));
            at = afterSubtree(children, at);
        }
        if (top.size() > limits.maxColumns()) {
            throw reject(Problem.TOO_MANY_COLUMNS, "\"" + fileName + "\" has " + top.size() + " columns; at most " + limits.maxColumns()
                    + " are allowed.", limits.maxColumns() + 1);
        }
        Map<String, Integer> seen = new HashMap<>();
        int nameLimit = Math.min(CsvImporter.MAX_NAME_CHARS, limits.maxFieldChars());
        for (int i = 0; i < top.size(); i++) {
            String name = top.get(i) == null ? "" : top.get(i);
            int column = i + 1;
            if (name.isBlank()) {
                throw reject(Problem.EMPTY_COLUMN_NAME, "Column " + column + " has no name (an empty or blank name in the file's schema)."
                        + " Every column needs one.", column);
            }
            if (name.length() > nameLimit) {
                throw reject(Problem.FIELD_TOO_LONG, "Column " + column + ": the column name has " + name.length() + " characters; at most "
                        + nameLimit + " are allowed.", column);
            }
            Integer earlier = seen.putIfAbsent(name, column);
            if (earlier != null) {
                throw reject(Problem.DUPLICATE_COLUMN_NAME, "Column " + column + ": the name \"" + cut(name) + "\" is already the name of column "
                        + earlier + ". Column names must be unique.", column);
            }
        }
        return top;
    }

    private static int afterSubtree(List<Integer> children, int at) {
        int next = at + 1;
        for (int child = 0; child < children.get(at) && next < children.size(); child++) {
            next = afterSubtree(children, next);
        }
        return next;
    }

    private void unsupported(List<String> columns, List<ParquetColumn> types) {
        List<String> refused = new ArrayList<>();
        Integer first = null;
        for (int i = 0; i < types.size(); i++) {
            ParquetColumn type = types.get(i);
            if (type.kind() == ParquetColumn.Kind.UNSUPPORTED) {
                first = first == null ? i + 1 : first;
                refused.add("column " + (i + 1) + " (\"" + cut(columns.get(i)) + "\") is " + type.duckDbType() + ", " + type.why());
            }
        }
        if (!refused.isEmpty()) {
            int shown = Math.min(refused.size(), limits.sampleLines());
            throw reject(Problem.UNSUPPORTED_TYPE, capitalised(String.join("; ", refused.subList(0, shown)))
                    + (refused.size() > shown ? "; and " + (refused.size() - shown) + " more" : "")
                    + ". Cairn reads columns of numbers, text, booleans, dates and timestamps: flatten or drop the others before uploading.", first);
        }
    }

    /** Decodes every value once: the row count, and the longest value of each column as text. */
    private ImportSummary decodeAll(DuckDbSession session, Path file, String fileName, List<String> columns) {
        Object[] result = session.query("SELECT count(*), max(length(CAST(COLUMNS(*) AS VARCHAR))) FROM read_parquet(?)", file).getFirst();
        long rows = ((Number) result[0]).longValue();
        long[] longest = new long[columns.size()];
        for (int i = 0; i < longest.length; i++) {
            longest[i] = result[i + 1] == null ? 0 : ((Number) result[i + 1]).longValue();
        }
        if (rows == 0) {
            throw reject(Problem.NO_ROWS, "\"" + fileName + "\" has " + columns.size() + (columns.size() == 1 ? " column" : " columns")
                    + " but no rows.", null);
        }
        for (int i = 0; i < longest.length; i++) {
            if (longest[i] > limits.maxFieldChars()) {
                throw reject(Problem.FIELD_TOO_LONG, "Column " + (i + 1) + " (\"" + cut(columns.get(i)) + "\"): a value has " + longest[i]
                        + " characters; at most " + limits.maxFieldChars() + " are allowed.", i + 1);
            }
        }
        return ImportSummary.parquet(columns, rows);
    }

    /** DuckDB's first line, with the server's temporary path replaced by the user's file name. */
    static String duckDbMessage(RuntimeException e, Path file, String fileName) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int line = message.indexOf('\n');
        message = line < 0 ? message : message.substring(0, line).strip();
        message = message.replace(file.toAbsolutePath().toString(), fileName).replace(file.getFileName().toString(), fileName);
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The file could not be read: " + unreadable.getMessage(), unreadable);
        }
    }

    private ImportRejectedException reject(Problem problem, String message, Integer column) {
        return new ImportRejectedException(problem, message, null, column, null, List.of());
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String cut(String name) {
        return name.length() > 60 ? name.substring(0, 60) + "…" : name;
    }
}
