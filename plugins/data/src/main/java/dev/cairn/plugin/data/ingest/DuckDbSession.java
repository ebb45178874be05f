package dev.cairn.plugin.data.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An in-memory DuckDB for one Parquet check or read (ADR 0026), fenced in: it may touch only the
 * files named (DuckDB's allowed_paths with external access off), loads and installs no extension
 * (nothing is downloaded at run time), keeps to the configured memory and threads, and its settings
 * are locked so that no later statement can lift the fence. Cairn's SQL names files only through
 * paths it made itself and columns by position; no user text ever becomes SQL.
 *
 * <p>The one class of the plugin that uses JDBC (ArchitectureTest allows it by name): DuckDB is an
 * engine for one file, not the tenant database, which plugins reach only through TenantDb. Nothing
 * of JDBC leaves it: results come back as plain values, failures as {@link Failure}.
 */
final class DuckDbSession implements AutoCloseable {

    /** DuckDB refused a statement (an unreadable file, mostly); the message is DuckDB's. */
    static final class Failure extends RuntimeException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Connection connection;

    private DuckDbSession(Connection connection) {
        this.connection = connection;
    }

    static DuckDbSession open(ParquetProperties limits, List<Path> files) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET memory_limit = '" + limits.memoryLimit() + "'");
                settings.execute("SET threads = " + limits.threads());
                settings.execute("SET TimeZone = 'UTC'");
                settings.execute("SET preserve_insertion_order = true");
                settings.execute("SET autoinstall_known_extensions = false");
                settings.execute("SET autoload_known_extensions = false");
                settings.execute("SET allowed_paths = [" + files.stream().map(f -> literal(f.toAbsolutePath().toString()))
                        .collect(Collectors.joining(", ")) + "]");
                settings.execute("SET enable_external_access = false");
                settings.execute("SET lock_configuration = true");
            } catch (SQLException | RuntimeException failed) {
                connection.close();
                throw failed;
            }
            return new DuckDbSession(connection);
        } catch (SQLException e) {
            throw new Failure(e.getMessage(), e);
        }
    }

    /** A small result (a schema, an aggregate) as rows of plain values; {@code file} fills each {@code ?}. */
    List<Object[]> query(String sql, Path file) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                statement.setString(i, file.toAbsolutePath().toString());
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int width = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new Failure(e.getMessage(), e);
        }
    }

    void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new Failure(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new Failure(e.getMessage(), e);
        }
    }

    /** A SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
