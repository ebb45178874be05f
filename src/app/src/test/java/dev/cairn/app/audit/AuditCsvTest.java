package dev.cairn.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    private static final AuditEntry HOSTILE = new AuditEntry(UUID.randomUUID(), Instant.parse("2026-12-01T08:40:53.123Z"), UUID.randomUUID(),
            "acme", "=cmd|' /C calc'!A0", "user.create", "zoë, \"the\" user\nsecond line", "SUCCESS", "+1 @2");

    @Test
    void entriesAreWrittenAsUtf8CsvWithAHeaderAndNeutralisedCells() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AuditCsv csv = new AuditCsv(out, true)) {
            csv.write(HOSTILE);
            csv.write(new AuditEntry(UUID.randomUUID(), Instant.parse("2026-12-01T08:41:00Z"), null, null, "nobody", "login", null,
                    "FAILURE", null));
        }

        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(out.toString(StandardCharsets.UTF_8)).stream().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getFields()).containsExactly("time_utc", "tenant", "actor", "action", "target", "outcome", "detail");
        assertThat(rows.get(1).getFields()).containsExactly("2026-12-01T08:40:53.123Z", "acme", "'=cmd|' /C calc'!A0", "user.create",
                "zoë, \"the\" user\nsecond line", "SUCCESS", "'+1 @2");
        assertThat(rows.get(2).getFields()).containsExactly("2026-12-01T08:41:00Z", "", "nobody", "login", "", "FAILURE", "");
        assertThat(out.toByteArray()).as("UTF-8, no byte order mark").startsWith("time_utc".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).contains("zoë");
    }

    @Test
    void aTenantAdminsExportHasNoTenantColumn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AuditCsv csv = new AuditCsv(out, false)) {
            csv.write(HOSTILE);
        }
        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(out.toString(StandardCharsets.UTF_8)).stream().toList();
        assertThat(rows.get(0).getFields()).containsExactly("time_utc", "actor", "action", "target", "outcome", "detail");
        assertThat(rows.get(1).getField(1)).isEqualTo("'=cmd|' /C calc'!A0");
    }
}
