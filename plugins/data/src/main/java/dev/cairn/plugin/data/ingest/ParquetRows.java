package dev.cairn.plugin.data.ingest;

import dev.cairn.plugin.data.profile.CsvRowSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored Parquet version's rows for every later step (profiling, validation, drift, label
 * agreement, recipes), as the same {@link CsvRowSource} a CSV version gives (ADR 0026): DuckDB
 * writes the file's rows to a temporary CSV in one native pass (values as the profiler reads them,
 * see {@link ParquetColumn}; a null becomes an empty field, which the profiler counts as missing),
 * and FastCSV streams that back. The stored file is copied to disk first (DuckDB reads files, not
 * streams); the copy goes once DuckDB is done, the CSV when the rows are closed.
 */
public final class ParquetRows {

    private ParquetRows() {
    }

    /**
     * @param content the stored Parquet file (closed by the caller)
     * @param columns the version's column names in order (the rows' header)
     */
    public static CsvRowSource open(InputStream content, List<String> columns, ParquetProperties duckDb) {
        Path parquet = null;
        Path csv = null;
        try {
            Path directory = duckDb.workDirectory() == null ? null : Files.createDirectories(duckDb.workDirectory());
            parquet = directory == null ? Files.createTempFile("cairn-parquet-", ".parquet") : Files.createTempFile(directory, "cairn-parquet-", ".parquet");
            csv = directory == null ? Files.createTempFile("cairn-parquet-", ".csv") : Files.createTempFile(directory, "cairn-parquet-", ".csv");
            Files.copy(content, parquet, StandardCopyOption.REPLACE_EXISTING);
            writeCsv(parquet, csv, duckDb);
            Files.deleteIfExists(parquet);
            InputStream rows = Files.newInputStream(csv, StandardOpenOption.DELETE_ON_CLOSE);
            try {
                return new CsvRowSource(rows, ',', '"', StandardCharsets.UTF_8, 0, columns);
            } catch (RuntimeException failed) {
                rows.close();
                throw failed;
            }
        } catch (IOException failed) {
            deleteQuietly(parquet);
            deleteQuietly(csv);
            throw new UncheckedIOException("The stored Parquet file could not be read: " + failed.getMessage(), failed);
        } catch (RuntimeException failed) {
            deleteQuietly(parquet);
            deleteQuietly(csv);
            throw new IllegalStateException("The stored Parquet file could not be read: " + failed.getMessage(), failed);
        }
    }

    private static void writeCsv(Path parquet, Path csv, ParquetProperties limits) {
        try (DuckDbSession duckDb = DuckDbSession.open(limits, List.of(parquet, csv))) {
            List<ParquetColumn> columns = ParquetColumn.of(duckDb, parquet);
            List<String> select = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                select.add(expression(columns.get(i), i + 1));
            }
            // Positional references (#1, #2, ...): the names as the file has them never become SQL.
            duckDb.execute("COPY (SELECT " + String.join(", ", select) + " FROM read_parquet(" + DuckDbSession.literal(parquet.toAbsolutePath().toString())
                        + ")) TO " + DuckDbSession.literal(csv.toAbsolutePath().toString())
                    + " (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NULLSTR '', USE_TMP_FILE false)");
        }
    }

    /** The column as the profiler reads it; DuckDB's own CSV writing suits all but zoned timestamps (…+00, not ISO's +00:00). */
    private static String expression(ParquetColumn column, int position) {
        return switch (column.kind()) {
            case TIMESTAMP_WITH_ZONE -> "strftime(#" + position + ", '%Y-%m-%dT%H:%M:%S.%fZ')";
            case UNSUPPORTED -> throw new IllegalStateException("column " + position + " is " + column.duckDbType() + ", which the import refuses");
            default -> "#" + position;
        };
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file; the system's cleaner takes what is left.
            }
        }
    }
}
