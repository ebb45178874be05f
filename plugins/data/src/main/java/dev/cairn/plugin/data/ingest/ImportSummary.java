package dev.cairn.plugin.data.ingest;

import java.util.List;

/**
 * A file the importer accepted.
 *
 * @param format  how a CSV or TSV file is written; null for a Parquet file (its schema says it all)
 * @param columns the column names in order (column_1, column_2, ... for a file without a header)
 * @param rows    data rows (a header row not counted)
 */
public record ImportSummary(CsvFormat format, List<String> columns, long rows) {

    /** What a version records as its format for a Parquet file. */
    public static final String PARQUET = "PARQUET";

    public ImportSummary {
        columns = List.copyOf(columns);
    }

    static ImportSummary parquet(List<String> columns, long rows) {
        return new ImportSummary(null, columns, rows);
    }

    /** CSV, TSV or PARQUET. */
    public String kind() {
        return format == null ? PARQUET : format.kind();
    }
}
