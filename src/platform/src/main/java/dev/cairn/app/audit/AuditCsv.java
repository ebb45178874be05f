package dev.cairn.app.audit;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.cairn.api.files.SpreadsheetSafe;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Audit entries as CSV (RFC 4180 through FastCSV), UTF-8, with a header row. Every cell passes
 * {@link SpreadsheetSafe}, so an actor, target or detail cannot become a formula in a spreadsheet.
 */
final class AuditCsv implements AutoCloseable {

    static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private final CsvWriter csv;
    private final boolean withTenant;
    private int rows;

    AuditCsv(OutputStream out, boolean withTenant) {
        this.csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.withTenant = withTenant;
        List<String> header = new ArrayList<>(List.of("time_utc", "actor", "action", "target", "outcome", "detail"));
        if (withTenant) {
            header.add(1, "tenant");
        }
        csv.writeRecord(header);
    }

    void write(AuditEntry entry) {
        List<String> cells = new ArrayList<>(List.of(DateTimeFormatter.ISO_INSTANT.format(entry.at()), entry.actor(), entry.action(),
                nullToEmpty(entry.target()), entry.outcome(), nullToEmpty(entry.detail())));
        if (withTenant) {
            cells.add(1, nullToEmpty(entry.tenantSlug()));
        }
        csv.writeRecord(cells.stream().map(SpreadsheetSafe::cell).toList());
        rows++;
    }

    int rows() {
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

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
