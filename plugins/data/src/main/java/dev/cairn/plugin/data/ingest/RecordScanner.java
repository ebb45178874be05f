package dev.cairn.plugin.data.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;

/**
 * Looks again at one record the parser gave up on (FastCSV says only that a field outgrew its
 * buffer): scans it from its first line to its end, and tells whether a quote opened and never
 * closed (then the rest of the file is that field), or which field is over the limit.
 */
final class RecordScanner {

    /** What the scan found: the offending column (1-based), whether its quote never closed, whether it is over the limit. */
    record Finding(int column, boolean unclosedQuote, boolean overlong) {
    }

    private RecordScanner() {
    }

    static Finding scan(ContentSource source, CsvFormat format, long startLine, int maxFieldChars) throws IOException {
        try (InputStream in = source.open()) {
            in.skipNBytes(format.bomLength());
            Reader reader = new java.io.BufferedReader(new InputStreamReader(in, format.encoding()));
            skipLines(reader, startLine - 1);
            int column = 1;
            long fieldLength = 0;
            boolean quoted = false;
            boolean fieldStart = true;
            int quoteColumn = 0;
            int overlong = 0;
            int c;
            while ((c = reader.read()) >= 0) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == format.quote()) {
                        reader.mark(1);
                        int next = reader.read();
                        if (next != format.quote()) {
                            quoted = false;
                            if (next >= 0) {
                                reader.reset();
                            }
                            continue;
                        }
                    }
                    fieldLength++;
                } else if (ch == format.quote() && fieldStart) {
                    quoted = true;
                    quoteColumn = column;
                } else if (ch == format.delimiter()) {
                    column++;
                    fieldLength = 0;
                    fieldStart = true;
                    continue;
                } else if (ch == '\n' || ch == '\r') {
                    break; // the record's end, outside quotes
                } else {
                    fieldLength++;
                }
                fieldStart = false;
                if (fieldLength > maxFieldChars && overlong == 0) {
                    overlong = column;
                }
            }
            if (quoted) {
                return new Finding(quoteColumn, true, false);
            }
            return new Finding(overlong == 0 ? column : overlong, false, overlong != 0);
        }
    }

    private static void skipLines(Reader reader, long lines) throws IOException {
        long skipped = 0;
        int c;
        while (skipped < lines && (c = reader.read()) >= 0) {
            if (c == '\n') {
                skipped++;
            }
        }
    }
}
