package dev.cairn.plugin.data.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.cairn.plugin.data.ingest.ImportRejectedException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict check of a CSV or TSV file (SECURITY.md item 16): one streaming pass with FastCSV over
 * the file as the detector or the user described it, refusing the first problem with its line and
 * column (the byte offset for invalid encoding) and a sample of the offending lines. Accepted, it
 * says how the file is written, its columns and its row count. Nothing is kept but the counts: the
 * file is never held in memory.
 *
 * <p>Blank lines are skipped (they are no rows). Ragged rows are collected up to the sample size
 * before the refusal, so that the user sees whether one row or many are at fault.
 */
public final class CsvImporter {

    /** Characters of a column name (what the version's column list keeps). */
    static final int MAX_NAME_CHARS = 1000;
    private static final int READ_AHEAD = 64 * 1024;
    private static final Pattern RECORD_LINE = Pattern.compile("record starting at line (\\d+)");

    private final ImportLimits limits;

    public CsvImporter(ImportLimits limits) {
        this.limits = limits;
    }

    /** Detects the format (as overridden), then checks the whole file. */
    public ImportSummary check(ContentSource source, FormatOverrides overrides, String fileName) {
        try {
            CsvFormat format = FormatDetector.detect(source, overrides, fileName);
            try {
                return check(source, format);
            } catch (ImportRejectedException rejected) {
                // Valid UTF-8 in the sample, not further on: the user's fallback is meant for exactly this.
                if (rejected.problem() == Problem.INVALID_ENCODING && overrides.fallbackEncoding() != null
                        && overrides.encoding() == null && format.bomLength() == 0 && format.encoding().equals(StandardCharsets.UTF_8)) {
                    return check(source, format.withEncoding(overrides.fallbackEncoding(), 0));
                }
                throw rejected;
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The file could not be read: " + unreadable.getMessage(), unreadable);
        }
    }

    /** Checks the whole file as written in {@code format}. */
    public ImportSummary check(ContentSource source, CsvFormat format) throws IOException {
        try (InputStream in = source.open()) {
            in.skipNBytes(format.bomLength());
            StrictDecodingReader text = new StrictDecodingReader(in, format.encoding(), format.bomLength());
            try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(format.delimiter()).quoteCharacter(format.quote())
                    .skipEmptyLines(true).detectBomHeader(false)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .allowUnclosedQuote(false)
                    // FastCSV's buffer holds what it read ahead (up to READ_AHEAD) from the start of the
                    // current field: room for a field at the limit with its quotes doubled. The limit
                    // itself is checked on each field; the buffer only stops a runaway field early.
                    .maxBufferSize(2 * limits.maxFieldChars() + READ_AHEAD)
                    .build(CsvRecordHandler.builder().build(), text)) {
                return read(source, format, reader);
            }
        } catch (UncheckedIOException wrapped) {
            if (wrapped.getCause() instanceof MalformedContentException malformed) {
                throw invalidEncoding(source, format, malformed);
            }
            throw wrapped;
        } catch (MalformedContentException malformed) {
            throw invalidEncoding(source, format, malformed);
        }
    }

    private ImportSummary read(ContentSource source, CsvFormat format, CsvReader<CsvRecord> reader) throws IOException {
        var records = reader.iterator();
        long lastLine = 0;
        try {
            if (!records.hasNext()) {
                throw reject(source, format, Problem.EMPTY_FILE, "The file is empty: it holds no rows" + (format.bomLength() > 0 ? " (only a byte-order mark)." : "."),
                        null, null, List.of());
            }
            CsvRecord first = nextRow(records);
            if (first == null) {
                throw reject(source, format, Problem.EMPTY_FILE, "The file is empty: it holds no rows.", null, null, List.of());
            }
            lastLine = first.getStartingLineNumber();
            List<String> columns = columns(source, format, first);
            long rows = format.header() ? 0 : 1;
            if (!format.header()) {
                checkFields(source, format, first, columns);
            }
            List<CsvRecord> ragged = new ArrayList<>();
            CsvRecord record;
            while ((record = nextRow(records)) != null) {
                lastLine = record.getStartingLineNumber();
                if (record.getFieldCount() != columns.size()) {
                    ragged.add(record);
                    if (ragged.size() >= limits.sampleLines()) {
                        break;
                    }
                    continue;
                }
                if (ragged.isEmpty()) {
                    checkFields(source, format, record, columns);
                }
                rows++;
            }
            if (!ragged.isEmpty()) {
                throw raggedRows(source, format, ragged, columns, first.getStartingLineNumber());
            }
            if (rows == 0) {
                throw reject(source, format, Problem.HEADER_ONLY, "The file has a header row (line " + first.getStartingLineNumber()
                        + ") but no data rows.", first.getStartingLineNumber(), null, List.of(first.getStartingLineNumber()));
            }
            return new ImportSummary(format, columns, rows);
        } catch (CsvParseException unparsable) {
            throw parseFailure(source, format, unparsable, lastLine);
        }
    }

    /** The next record that is not a blank line (FastCSV skips empty ones; this also skips spaces only). */
    private static CsvRecord nextRow(java.util.Iterator<CsvRecord> records) {
        while (records.hasNext()) {
            CsvRecord record = records.next();
            if (record.getFieldCount() != 1 || !record.getField(0).isBlank()) {
                return record;
            }
        }
        return null;
    }

    private List<String> columns(ContentSource source, CsvFormat format, CsvRecord first) {
        long line = first.getStartingLineNumber();
        if (first.getFieldCount() > limits.maxColumns()) {
            throw reject(source, format, Problem.TOO_MANY_COLUMNS, "Line " + line + " has " + first.getFieldCount()
                    + " columns; at most " + limits.maxColumns() + " are allowed.", line, limits.maxColumns() + 1, List.of(line));
        }
        List<String> names = new ArrayList<>(first.getFieldCount());
        if (!format.header()) {
            for (int i = 1; i <= first.getFieldCount(); i++) {
                names.add("column_" + i);
            }
            return names;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < first.getFieldCount(); i++) {
            String name = first.getField(i).strip();
            int column = i + 1;
            if (name.isEmpty()) {
                throw reject(source, format, Problem.EMPTY_COLUMN_NAME, "Line " + line + ", column " + column
                        + ": the column has no name. Every column of the header row needs one.", line, column, List.of(line));
            }
            if (name.length() > Math.min(MAX_NAME_CHARS, limits.maxFieldChars())) {
                throw reject(source, format, Problem.FIELD_TOO_LONG, "Line " + line + ", column " + column + ": the column name has "
                        + name.length() + " characters; at most " + Math.min(MAX_NAME_CHARS, limits.maxFieldChars()) + " are allowed.",
                        line, column, List.of(line));
            }
            Integer earlier = seen.putIfAbsent(name, column);
            if (earlier != null) {
                throw reject(source, format, Problem.DUPLICATE_COLUMN_NAME, "Line " + line + ", column " + column + ": the name \""
                        + cut(name) + "\" is already the name of column " + earlier + ". Column names must be unique.", line, column,
                        List.of(line));
            }
            names.add(name);
        }
        return names;
    }

    private void checkFields(ContentSource source, CsvFormat format, CsvRecord record, List<String> columns) {
        for (int i = 0; i < record.getFieldCount(); i++) {
            if (record.getField(i).length() > limits.maxFieldChars()) {
                throw fieldTooLong(source, format, record.getStartingLineNumber(), i + 1, record.getField(i).length(), columns);
            }
        }
    }

    private ImportRejectedException raggedRows(ContentSource source, CsvFormat format, List<CsvRecord> ragged, List<String> columns,
                                               long headerLine) {
        CsvRecord record = ragged.getFirst();
        long line = record.getStartingLineNumber();
        int fields = record.getFieldCount();
        int column = fields < columns.size() ? fields + 1 : columns.size() + 1;
        String which = fields < columns.size() ? "column " + column + " (\"" + cut(columns.get(column - 1)) + "\") is missing"
                : "column " + column + " is one more than line " + headerLine + " has";
        String more = ragged.size() > 1 ? " " + (ragged.size() >= limits.sampleLines() ? "At least " : "") + ragged.size()
                + " rows have the wrong number of fields; the first " + ragged.size() + " are quoted." : "";
        return reject(source, format, Problem.RAGGED_ROW, "Line " + line + ", column " + column + ": the row has " + fields
                + (fields == 1 ? " field" : " fields") + " where line " + headerLine + " has " + columns.size() + " (" + which + ")." + more,
                line, column, ragged.stream().map(CsvRecord::getStartingLineNumber).toList());
    }

    private ImportRejectedException fieldTooLong(ContentSource source, CsvFormat format, long line, int column, long length) {
        return fieldTooLong(source, format, line, column, length, List.of());
    }

    private ImportRejectedException fieldTooLong(ContentSource source, CsvFormat format, long line, int column, long length,
                                                 List<String> columns) {
        String name = column <= columns.size() ? " (\"" + cut(columns.get(column - 1)) + "\")" : "";
        return reject(source, format, Problem.FIELD_TOO_LONG, "Line " + line + ", column " + column + name + ": the field has "
                + (length < 0 ? "more than " + limits.maxFieldChars() : String.valueOf(length)) + " characters; at most "
                + limits.maxFieldChars() + " are allowed.", line, column, List.of(line));
    }

    /** FastCSV stopped: find out from the record's line whether a quote never closed or a field is too long. */
    private ImportRejectedException parseFailure(ContentSource source, CsvFormat format, CsvParseException e, long lastLine) throws IOException {
        Matcher m = RECORD_LINE.matcher(String.valueOf(e.getMessage()));
        long line = m.find() ? Long.parseLong(m.group(1)) : lastLine + 1;
        RecordScanner.Finding finding = RecordScanner.scan(source, format, line, limits.maxFieldChars());
        if (finding.unclosedQuote()) {
            return reject(source, format, Problem.UNCLOSED_QUOTE, "Line " + line + ", column " + finding.column() + ": a quote ("
                    + format.quote() + ") opens the field and is never closed; the rest of the file would be that one field.",
                    line, finding.column(), List.of(line));
        }
        if (finding.overlong()) {
            return fieldTooLong(source, format, line, finding.column(), -1);
        }
        return reject(source, format, Problem.MALFORMED, "Line " + line + ": the row cannot be read (" + e.getMessage() + ").", line,
                null, List.of(line));
    }

    private ImportRejectedException invalidEncoding(ContentSource source, CsvFormat format, MalformedContentException e) {
        String hint = format.encoding().equals(StandardCharsets.UTF_8)
                ? " Choose the file's encoding (for example windows-1252 for a spreadsheet export) and upload it again." : "";
        return reject(source, format, Problem.INVALID_ENCODING, "Line " + e.line() + ", byte " + e.byteOffset() + ": not valid "
                + format.encoding().name() + "." + hint, e.line(), null, List.of(e.line()), e.byteOffset());
    }

    private ImportRejectedException reject(ContentSource source, CsvFormat format, Problem problem, String message, Long line,
                                           Integer column, List<Long> sampleLines) {
        return reject(source, format, problem, message, line, column, sampleLines, null);
    }

    private ImportRejectedException reject(ContentSource source, CsvFormat format, Problem problem, String message, Long line,
                                           Integer column, List<Long> sampleLines, Long byteOffset) {
        SortedSet<Long> wanted = new TreeSet<>(sampleLines);
        return new ImportRejectedException(problem, message, line, column, byteOffset, LineSampler.sample(source, format, wanted));
    }

    private static String cut(String name) {
        return name.length() > 60 ? name.substring(0, 60) + "…" : name;
    }
}
