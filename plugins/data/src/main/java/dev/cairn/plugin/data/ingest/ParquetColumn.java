package dev.cairn.plugin.data.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Parquet column's type as DuckDB reads it, and what the profiler makes of it (ADR 0026): integers,
 * floating point and decimals are numbers; strings, UUIDs, enums and times of day are text; booleans
 * are booleans; dates and timestamps are timestamps (with a time zone, written in UTC with a Z). Nested
 * types (struct, list, map, union, array), binary and intervals have no column statistics here and are
 * refused by name.
 *
 * @param duckDbType the type as DuckDB names it, e.g. DECIMAL(10,2) or INTEGER[]
 */
record ParquetColumn(String duckDbType, Kind kind, String why) {

    enum Kind { NUMBER, TEXT, BOOLEAN, TIMESTAMP, TIMESTAMP_WITH_ZONE, UNSUPPORTED }

    private static final Pattern NUMBER = Pattern.compile("U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL\\(\\d+,\\s?\\d+\\)");
    private static final Pattern TEXT = Pattern.compile("VARCHAR|UUID|ENUM\\(.*\\)|TIME|TIME WITH TIME ZONE|TIME_NS");
    private static final Pattern TIMESTAMP = Pattern.compile("DATE|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS");

    static ParquetColumn of(String duckDbType) {
        String type = duckDbType.strip().toUpperCase(Locale.ROOT);
        if (NUMBER.matcher(type).matches()) {
            return new ParquetColumn(duckDbType, Kind.NUMBER, null);
        }
        if (TEXT.matcher(type).matches()) {
            return new ParquetColumn(duckDbType, Kind.TEXT, null);
        }
        if (type.equals("BOOLEAN")) {
            return new ParquetColumn(duckDbType, Kind.BOOLEAN, null);
        }
        if (TIMESTAMP.matcher(type).matches()) {
            return new ParquetColumn(duckDbType, Kind.TIMESTAMP, null);
        }
        if (type.equals("TIMESTAMP WITH TIME ZONE")) {
            return new ParquetColumn(duckDbType, Kind.TIMESTAMP_WITH_ZONE, null);
        }
        return new ParquetColumn(duckDbType, Kind.UNSUPPORTED, reason(type));
    }

    /** The file's columns in order, as DuckDB reads them. */
    static List<ParquetColumn> of(DuckDbSession duckDb, Path file) {
        // DESCRIBE's columns: column_name, column_type, null, key, default, extra.
        return duckDb.query("DESCRIBE SELECT * FROM read_parquet(?)", file).stream().map(row -> of(String.valueOf(row[1]))).toList();
    }

    private static String reason(String type) {
        if (type.startsWith("STRUCT") || type.startsWith("MAP") || type.startsWith("UNION") || type.endsWith("]")) {
            return "a nested type";
        }
        if (type.equals("BLOB") || type.equals("BIT")) {
            return "binary";
        }
        if (type.equals("INTERVAL")) {
            return "an interval";
        }
        return "a type Cairn cannot profile";
    }
}
