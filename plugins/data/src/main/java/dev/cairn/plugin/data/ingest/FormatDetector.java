package dev.cairn.plugin.data.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Guesses how a delimited text file is written from its first {@value #SAMPLE_BYTES} bytes; what the
 * user said overrides each guess.
 *
 * <ul>
 *   <li>Encoding: a byte-order mark decides (UTF-8, UTF-16); else UTF-8 when the sample is valid
 *       UTF-8, else the user's fallback encoding; with no fallback, UTF-8 (and the strict check
 *       refuses the file at its first invalid byte).</li>
 *   <li>Delimiter: of comma, tab, semicolon and pipe, the one that splits the most sample lines into
 *       the same number of fields (outside quotes), more than one; a tie goes to tab for a .tsv
 *       file, else to the earlier in that list. None fits: one column, comma.</li>
 *   <li>Quote: the double quote, unless the sample has none and opens fields with a single quote.</li>
 *   <li>Header: the first row is a header unless one of its fields is a number.</li>
 * </ul>
 */
public final class FormatDetector {

    static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_LINES = 50;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][-+]?\\d+)?");

    private FormatDetector() {
    }

    public static CsvFormat detect(ContentSource source, FormatOverrides overrides, String fileName) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = Encodings.head(in, SAMPLE_BYTES + 1);
        }
        boolean whole = head.length <= SAMPLE_BYTES;
        int length = Math.min(head.length, SAMPLE_BYTES);
        Encodings.Bom bom = Encodings.bom(head, length);
        int bomLength = bom == null ? 0 : bom.length();
        Charset charset = encoding(head, length, whole, bom, overrides);
        String text = sampleText(head, bomLength, length, charset);
        char quote = overrides.quote() != null ? overrides.quote() : quote(text);
        char delimiter = overrides.delimiter() != null ? overrides.delimiter() : delimiter(lines(text, whole), quote, fileName);
        boolean header = overrides.header() != null ? overrides.header() : header(text, delimiter, quote);
        return new CsvFormat(delimiter, quote, header, charset, bomLength);
    }

    private static Charset encoding(byte[] head, int length, boolean whole, Encodings.Bom bom, FormatOverrides overrides) {
        if (overrides.encoding() != null) {
            return overrides.encoding();
        }
        if (bom != null) {
            return bom.charset();
        }
        if (overrides.fallbackEncoding() != null && !Encodings.decodes(head, 0, length, StandardCharsets.UTF_8, whole)) {
            return overrides.fallbackEncoding();
        }
        return StandardCharsets.UTF_8;
    }

    /** The sample as text, invalid bytes replaced: detection only looks at its shape. */
    private static String sampleText(byte[] head, int from, int length, Charset charset) {
        return new String(head, from, Math.max(0, length - from), charset);
    }

    /** Complete lines of the sample (the last is cut unless the sample is the whole file), blank ones left out. */
    private static List<String> lines(String text, boolean whole) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!whole && lines.size() > 1) {
            lines.removeLast();
        }
        return lines.stream().filter(l -> !l.isBlank()).limit(SAMPLE_LINES).toList();
    }

    private static char quote(String text) {
        if (text.indexOf('"') < 0 && Pattern.compile("(^|[,;\\t|])'", Pattern.MULTILINE).matcher(text).find()) {
            return '\'';
        }
        return '"';
    }

    static char delimiter(List<String> lines, char quote, String fileName) {
        boolean tsv = fileName != null && fileName.toLowerCase(Locale.ROOT).matches(".*\\.(tsv|tab)$");
        char best = tsv ? '\t' : ',';
        double bestScore = 0;
        for (char candidate : candidates(tsv)) {
            Map<Integer, Integer> countsPerLine = new HashMap<>();
            for (String line : lines) {
                countsPerLine.merge(occurrences(line, candidate, quote), 1, Integer::sum);
            }
            var mode = countsPerLine.entrySet().stream().filter(e -> e.getKey() > 0)
                    .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey())).orElse(null);
            if (mode == null) {
                continue;
            }
            double score = (double) mode.getValue() / lines.size();
            if (score > bestScore) { // a tie keeps the earlier candidate
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static List<Character> candidates(boolean tsv) {
        if (!tsv) {
            return Delimiters.CANDIDATES;
        }
        List<Character> ordered = new ArrayList<>(Delimiters.CANDIDATES);
        ordered.remove(Character.valueOf('\t'));
        ordered.addFirst('\t');
        return ordered;
    }

    /** Delimiters outside quotes on one line (a quoted field running over lines only blurs the count). */
    private static int occurrences(String line, char delimiter, char quote) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == quote) {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static boolean header(String text, char delimiter, char quote) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter(quote)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(true).build(CsvRecordHandler.builder().build(), text)) {
            var first = reader.stream().findFirst();
            return first.isEmpty() || first.get().getFields().stream().noneMatch(f -> NUMBER.matcher(f.strip()).matches());
        } catch (RuntimeException unreadable) {
            return true; // the strict check will say what is wrong with it
        } catch (IOException cannotHappen) {
            return true;
        }
    }
}
