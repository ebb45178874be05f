package dev.cairn.plugin.data;

import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.profile.CsvRowSource;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;

/** Reading a version's stored file back as its import found it (the profiling job, and anything else that re-reads a version). */
public final class VersionFiles {

    private static final String BOM_SUFFIX = " (BOM)";

    private VersionFiles() {
    }

    /**
     * The version's file read as its import found it: delimiter, quote, encoding, byte-order mark, header.
     *
     * @param columns the version's column names in order, used as the header of a file that has none
     */
    public static CsvRowSource rowsOf(DatasetVersionRecord version, InputStream content, List<String> columns) {
        String encoding = version.getEncoding();
        boolean bom = encoding.endsWith(BOM_SUFFIX);
        Charset charset = Charset.forName(bom ? encoding.substring(0, encoding.length() - BOM_SUFFIX.length()) : encoding);
        int bomBytes = !bom ? 0 : charset.name().equals("UTF-8") ? 3 : 2;
        return new CsvRowSource(content, version.getDelimiter().charAt(0), version.getQuoteChar().charAt(0), charset, bomBytes,
                version.getHasHeader() ? null : columns);
    }
}
