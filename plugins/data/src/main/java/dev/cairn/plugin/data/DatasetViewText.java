package dev.cairn.plugin.data;

import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.Delimiters;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How the version history writes a version's provenance and format. */
final class DatasetViewText {

    private DatasetViewText() {
    }

    static String delimiter(String delimiter) {
        return delimiter == null || delimiter.isEmpty() ? "" : Delimiters.name(delimiter.charAt(0));
    }

    /** "CSV comma, UTF-8"; "Parquet" (its schema says the rest). */
    static String format(DatasetVersionRecord v) {
        if (dev.cairn.plugin.data.ingest.ImportSummary.PARQUET.equals(v.getFormat())) {
            return "Parquet";
        }
        return v.getFormat() + " " + delimiter(v.getDelimiter()) + ", " + v.getEncoding();
    }

    static String provenance(DatasetVersionRecord v) {
        if (v.getDeletedAt() != null) {
            return "Deleted " + v.getDeletedAt().format(DateTimeFormatter.ISO_LOCAL_DATE) + " by " + v.getDeletedBy() + ": "
                    + v.getDeletionReason();
        }
        List<String> parts = new ArrayList<>();
        add(parts, "Source", v.getSource());
        add(parts, "Collected", v.getCollectionMethod());
        add(parts, "Licence", v.getLicence());
        add(parts, "Notes", v.getNotes());
        return parts.isEmpty() ? "—" : String.join(" · ", parts);
    }

    private static void add(List<String> parts, String label, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(label + ": " + value);
        }
    }
}
