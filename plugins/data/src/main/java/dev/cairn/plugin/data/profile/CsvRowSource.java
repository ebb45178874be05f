package dev.cairn.plugin.data.profile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

/**
 * A CSV or TSV file's rows through FastCSV; the first record is the header. A row with another
 * number of fields than the header is an error naming its line; the importer of dataset versions
 * does the full checks before a file becomes a version. Each row arrives as the String[] the
 * profiler takes, straight from FastCSV's callback (no list per row).
 */
public final class CsvRowSource implements RowSource {

    private final CountingInputStream input;
    private final CsvReader<String[]> reader;
    private final Iterator<String[]> records;
    private final RowHandler handler = new RowHandler();
    private final List<String> header;

    public CsvRowSource(InputStream in, char separator, Charset charset) {
        this(in, separator, '"', charset, 0, null);
    }

    /**
     * A file as a dataset version records its format.
     *
     * @param skipBytes bytes of byte-order mark to skip first
     * @param names     the column names of a file without a header row, or null when its first
     *                  record is the header
     */
    public CsvRowSource(InputStream in, char separator, char quote, Charset charset, int skipBytes, List<String> names) {
        this.input = new CountingInputStream(in);
        try {
            input.skipNBytes(skipBytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.reader = CsvReader.builder().fieldSeparator(separator).quoteCharacter(quote).build(handler, input, charset);
        this.records = reader.iterator();
        if (names != null) {
            this.header = List.copyOf(names);
        } else if (!records.hasNext()) {
            throw new IllegalArgumentException("the file is empty: it has no header");
        } else {
            this.header = List.of(records.next());
        }
        handler.width = header.size();
    }

    public static CsvRowSource open(Path file, char separator, Charset charset) throws IOException {
        return new CsvRowSource(Files.newInputStream(file), separator, charset);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public String[] next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            String[] row = records.next();
            if (row.length != header.size()) {
                throw new IllegalArgumentException("line " + handler.line + " has " + row.length
                        + " fields where the header has " + header.size());
            }
            return row;
        } catch (CsvParseException e) {
            throw new IllegalArgumentException("the CSV could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the next row into {@code sink} field by field (no strings made); false after the last
     * row. Rows read this way are not returned by {@link #next()}.
     */
    boolean nextInto(FieldSink sink) {
        handler.sink = sink;
        try {
            if (!records.hasNext()) {
                return false;
            }
            records.next();
            sink.endRow(handler.fieldCount(), handler.line);
            return true;
        } catch (CsvParseException e) {
            throw new IllegalArgumentException("the CSV could not be read: " + e.getMessage(), e);
        } finally {
            handler.sink = null;
        }
    }

    @Override
    public long bytesRead() {
        return input.count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Fields into a String[] of the header's width (a longer row grows it, and is refused by next()). */
    private static final class RowHandler extends AbstractBaseCsvCallbackHandler<String[]> {
        int width = 16;
        long line;
        FieldSink sink;
        private String[] fields = new String[16];
        private static final String[] NONE = new String[0];

        @Override
        protected void handleBegin(long startingLineNumber) {
            line = startingLineNumber;
            if (sink == null) {
                fields = new String[width];
            }
        }

        int fieldCount() {
            return getFieldCount();
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            if (sink != null) {
                sink.field(index, buffer, offset, length, line);
                return;
            }
            if (index >= fields.length) {
                fields = Arrays.copyOf(fields, Math.max(index + 1, fields.length * 2));
            }
            fields[index] = length == 0 ? "" : new String(buffer, offset, length);
        }

        @Override
        protected String[] buildRecord() {
            if (sink != null) {
                return NONE;
            }
            int count = getFieldCount();
            return count == fields.length ? fields : Arrays.copyOf(fields, count);
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
