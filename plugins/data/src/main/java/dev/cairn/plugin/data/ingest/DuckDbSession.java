package dev.cairn.plugin.data.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An in-memory DuckDB connection for one Parquet check or read, fenced in: it may touch only the
 * files named (DuckDB's allowed_paths with external access off), loads and installs no extension
 * (nothing is downloaded at run time), keeps to the configured memory and threads, and its settings
 * are locked so that no later statement can lift the fence. Cairn's SQL names files only through
 * these paths, which it made itself; no user text ever becomes SQL.
 */
final class DuckDbSession {

    private DuckDbSession() {
    }

    static Connection open(ParquetProperties limits, List<Path> files) throws SQLException {
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
        return connection;
    }

    /** A SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
