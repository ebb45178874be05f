package dev.cairn.plugin.data.ingest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * What the user says about a file's format; every null part is detected.
 *
 * @param delimiter        the field separator
 * @param quote            the quote character
 * @param header           whether the first row names the columns
 * @param encoding         the encoding to read the file with, whatever a byte-order mark says
 * @param fallbackEncoding the encoding to read the file with when it is not valid UTF-8 and has no
 *                         byte-order mark (e.g. windows-1252 for a spreadsheet's export); without
 *                         one such a file is refused, naming the first invalid byte
 */
public record FormatOverrides(Character delimiter, Character quote, Boolean header, Charset encoding, Charset fallbackEncoding) {

    public static final FormatOverrides NONE = new FormatOverrides(null, null, null, null, null);

    /**
     * From text, as a form or a query string gives it: delimiter and quote as {@link Delimiters#parse},
     * header "true"/"false"/"yes"/"no", encodings by their Java or IANA name; blank means "detect".
     */
    public static FormatOverrides parse(String delimiter, String quote, String header, String encoding, String fallbackEncoding) {
        Character quoteChar = null;
        if (quote != null && !quote.isEmpty()) {
            if (quote.length() != 1) {
                throw new IllegalArgumentException("Quote must be one character, was \"" + quote + "\".");
            }
            quoteChar = quote.charAt(0);
        }
        return new FormatOverrides(Delimiters.parse("Delimiter", delimiter), quoteChar, bool("Header", header),
                charset("Encoding", encoding), charset("Fallback encoding", fallbackEncoding));
    }

    private static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(field + " must be true or false, was \"" + value + "\".");
        };
    }

    static Charset charset(String field, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw new IllegalArgumentException(field + " \"" + name.strip() + "\" is not an encoding this server knows"
                    + " (try UTF-8, windows-1252 or ISO-8859-1).");
        }
    }
}
