package dev.cairn.plugin.data.labels;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.cairn.api.files.SpreadsheetSafe;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Disagreeing rows as CSV for relabelling (RFC 4180 through FastCSV, UTF-8, a header row): the row
 * number, the key when one was chosen, then each labeller's label. Every cell passes
 * {@link SpreadsheetSafe} (SECURITY.md 17): a label or key from an uploaded file cannot become a
 * formula in the spreadsheet of whoever relabels.
 */
public final class DisagreementCsv implements AutoCloseable {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private final CsvWriter csv;
    private final boolean withKey;
    private long rows;

    public DisagreementCsv(OutputStream out, LabelColumns columns) {
        this.csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.withKey = columns.key() != null;
        List<String> header = new ArrayList<>();
        header.add("row");
        if (withKey) {
            header.add(columns.key());
        }
        header.addAll(columns.labellers());
        csv.writeRecord(header.stream().map(SpreadsheetSafe::cell).toList());
    }

    public void write(Disagreement disagreement) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(disagreement.row()));
        if (withKey) {
            cells.add(disagreement.key() == null ? "" : disagreement.key());
        }
        cells.addAll(disagreement.labels());
        csv.writeRecord(cells.stream().map(SpreadsheetSafe::cell).toList());
        rows++;
    }

    /** Rows written after the header. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
