package dev.cairn.plugin.data.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Parquet files for tests, written by DuckDB's COPY ... TO in the test itself (no binaries in the repository). */
public final class TestParquet {

    private TestParquet() {
    }

    /** Writes the query's rows to {@code file} as Parquet; returns the file. */
    public static Path write(Path file, String select) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement copy = connection.createStatement()) {
            copy.execute("COPY (" + select + ") TO '" + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet)");
            return file;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a CSV file as Parquet with DuckDB's own CSV reader (all columns typed as it detects them). */
    public static Path fromCsv(Path csv, Path file) {
        return write(file, "SELECT * FROM read_csv('" + csv.toAbsolutePath().toString().replace("'", "''") + "')");
    }

    /**
     * Replaces every occurrence of one name by another of the same length in the file's bytes: the
     * footer keeps names as plain strings, so this makes schemas no writer would (two columns of one
     * name). No checksum covers the footer.
     */
    public static Path rename(Path file, String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("same length only");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            byte[] a = from.getBytes(StandardCharsets.US_ASCII);
            byte[] b = to.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i + a.length <= bytes.length; i++) {
                if (java.util.Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                    System.arraycopy(b, 0, bytes, i, b.length);
                }
            }
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
