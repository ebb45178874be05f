package dev.cairn.plugin.data;

import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.ImportSummary;
import dev.cairn.plugin.data.ingest.ParquetProperties;
import dev.cairn.plugin.data.ingest.ParquetRows;
import dev.cairn.plugin.data.profile.CsvRowSource;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;

/** Reading a version's stored file back as its import found it (the profiling job, and anything else that re-reads a version). */
public final class VersionFiles {

    private static final String BOM_SUFFIX = " (BOM)";
    /** What a Parquet version records where a CSV one has its delimiter, quote and encoding. */
    static final String PARQUET_ENCODING = "binary";

    private VersionFiles() {
    }

    /**
     * The version's file read as its import found it: delimiter, quote, encoding, byte-order mark,
     * header; a Parquet file through DuckDB (ADR 0026), as the same kind of rows.
     *
     * @param columns the version's column names in order, used as the header of a file that has none
     * @param parquet how DuckDB may read a Parquet version
     */
    public static CsvRowSource rowsOf(DatasetVersionRecord version, InputStream content, List<String> columns, ParquetProperties parquet) {
        if (ImportSummary.PARQUET.equals(version.getFormat())) {
            return ParquetRows.open(content, columns, parquet);
        }
        String encoding = version.getEncoding();
        boolean bom = encoding.endsWith(BOM_SUFFIX);
        Charset charset = Charset.forName(bom ? encoding.substring(0, encoding.length() - BOM_SUFFIX.length()) : encoding);
        int bomBytes = !bom ? 0 : charset.name().equals("UTF-8") ? 3 : 2;
        return new CsvRowSource(content, version.getDelimiter().charAt(0), version.getQuoteChar().charAt(0), charset, bomBytes,
                version.getHasHeader() ? null : columns);
    }
}
