package dev.cairn.plugin.data.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a delimited text file is written, as detected or as the user said.
 *
 * @param delimiter  the field separator
 * @param quote      the quote character
 * @param header     whether the first row names the columns
 * @param encoding   the character encoding
 * @param bomLength  bytes of byte-order mark at the start (0 when there is none)
 */
public record CsvFormat(char delimiter, char quote, boolean header, Charset encoding, int bomLength) {

    public CsvFormat {
        Objects.requireNonNull(encoding, "encoding");
        if (delimiter == quote) {
            throw new IllegalArgumentException("The delimiter and the quote must differ: both are " + Delimiters.name(delimiter) + ".");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new IllegalArgumentException("A line break cannot be the delimiter or the quote.");
        }
    }

    /** "TSV" for tab-separated files, else "CSV" (whatever the delimiter). */
    public String kind() {
        return delimiter == '\t' ? "TSV" : "CSV";
    }

    /** For people: "CSV, semicolon-separated, quote \", header row, UTF-8 with BOM". */
    public String describe() {
        return kind() + ", " + Delimiters.name(delimiter) + "-separated, quote " + quote + ", "
                + (header ? "header row" : "no header row") + ", " + encoding.name() + (bomLength > 0 ? " with BOM" : "");
    }

    CsvFormat withEncoding(Charset charset, int bom) {
        return new CsvFormat(delimiter, quote, header, charset, bom);
    }

    static CsvFormat defaults() {
        return new CsvFormat(',', '"', true, StandardCharsets.UTF_8, 0);
    }
}
