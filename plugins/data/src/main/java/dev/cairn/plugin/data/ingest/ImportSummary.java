package dev.cairn.plugin.data.ingest;

import java.util.List;

/**
 * A file the importer accepted.
 *
 * @param format  how it is written
 * @param columns the column names in order (column_1, column_2, ... for a file without a header)
 * @param rows    data rows (a header row not counted)
 */
public record ImportSummary(CsvFormat format, List<String> columns, long rows) {

    public ImportSummary {
        columns = List.copyOf(columns);
    }
}
