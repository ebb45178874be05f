package dev.cairn.plugin.data.ingest;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How DuckDB reads Parquet files ({@code cairn.data.parquet.*}, ADR 0026). DuckDB runs inside the
 * JVM's process but outside its heap: without a limit it takes up to 80% of the machine's memory and
 * every core, beside the application.
 *
 * @param memoryLimit   DuckDB's memory_limit for one check or read (e.g. 256MB, 1GB)
 * @param threads       DuckDB's threads for one check or read
 * @param workDirectory where a stored Parquet version is copied while it is read, and its rows are
 *                      written as CSV for the profiler (the system's temporary folder when unset);
 *                      both files are deleted when the read ends
 */
@ConfigurationProperties("cairn.data.parquet")
public record ParquetProperties(@DefaultValue("256MB") String memoryLimit, @DefaultValue("1") int threads, Path workDirectory) {

    private static final Pattern SIZE = Pattern.compile("\\d{1,6}(\\.\\d{1,3})?\\s?(KB|MB|GB|KiB|MiB|GiB)");

    /** What tests and tools use: 256 MB, one thread, the system's temporary folder. */
    public static final ParquetProperties DEFAULTS = new ParquetProperties("256MB", 1, null);

    public ParquetProperties {
        if (memoryLimit == null || !SIZE.matcher(memoryLimit.strip()).matches()) {
            throw new IllegalArgumentException("cairn.data.parquet.memory-limit must be a size such as 256MB or 1GB, was \"" + memoryLimit + "\".");
        }
        memoryLimit = memoryLimit.strip();
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("cairn.data.parquet.threads must be between 1 and 64, was " + threads + ".");
        }
    }
}
