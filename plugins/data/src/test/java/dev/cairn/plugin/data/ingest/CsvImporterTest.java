package dev.cairn.plugin.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.plugin.data.ingest.ImportRejectedException.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every bad input of SECURITY.md item 16, each named with its line and column, and the formats that pass. */
class CsvImporterTest {

    private static final ImportLimits LIMITS = new ImportLimits(5, 20, 3);
    private final CsvImporter importer = new CsvImporter(LIMITS);

    private static ContentSource bytes(byte[] content) {
        return () -> new ByteArrayInputStream(content);
    }

    private static ContentSource text(String content) {
        return bytes(content.getBytes(StandardCharsets.UTF_8));
    }

    private ImportSummary check(String content) {
        return importer.check(text(content), FormatOverrides.NONE, "data.csv");
    }

    private ImportRejectedException rejected(ContentSource source, FormatOverrides overrides) {
        try {
            importer.check(source, overrides, "data.csv");
        } catch (ImportRejectedException e) {
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    private ImportRejectedException rejected(String content) {
        return rejected(text(content), FormatOverrides.NONE);
    }

    @Test
    void aPlainCsvIsReadWithItsColumnsAndRowCount() {
        ImportSummary summary = check("id,plan,monthly\n1,basic,9.5\n2,\"pro, yearly\",19\n\n3,basic,9.5\n");
        assertThat(summary.columns()).containsExactly("id", "plan", "monthly");
        assertThat(summary.rows()).as("the blank line is no row").isEqualTo(3);
        assertThat(summary.format().delimiter()).isEqualTo(',');
        assertThat(summary.format().header()).isTrue();
        assertThat(summary.format().encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(summary.format().kind()).isEqualTo("CSV");
    }

    @Test
    void tabsSemicolonsAndPipesAreDetected() {
        assertThat(check("a\tb\tc\n1\t2\t3\n").format().kind()).isEqualTo("TSV");
        assertThat(check("a;b;c\n1,5;2,5;3\n").format().delimiter()).as("decimal commas do not fool it").isEqualTo(';');
        assertThat(check("a|b\n1|2\n").format().delimiter()).isEqualTo('|');
        assertThat(check("only\none\n").columns()).as("one column").containsExactly("only");
    }

    @Test
    void aTsvFileNameBreaksATieForTabs() {
        String tie = "a,b\tc\n1,2\t3\n";
        assertThat(importer.check(text(tie), FormatOverrides.NONE, "x.csv").format().delimiter()).isEqualTo(',');
        assertThat(importer.check(text(tie), FormatOverrides.NONE, "x.tsv").format().delimiter()).isEqualTo('\t');
    }

    @Test
    void aFirstRowWithANumberIsData() {
        ImportSummary summary = check("1,basic,9.5\n2,pro,19\n");
        assertThat(summary.format().header()).isFalse();
        assertThat(summary.columns()).containsExactly("column_1", "column_2", "column_3");
        assertThat(summary.rows()).isEqualTo(2);
    }

    @Test
    void everyGuessCanBeOverridden() {
        ImportSummary summary = importer.check(text("'a';'b'\n1;2\n3;4\n"), FormatOverrides.parse("semicolon", "'", "false", "", ""),
                "x.csv");
        assertThat(summary.format().delimiter()).isEqualTo(';');
        assertThat(summary.format().quote()).isEqualTo('\'');
        assertThat(summary.format().header()).isFalse();
        assertThat(summary.rows()).isEqualTo(3);
        ImportSummary headed = importer.check(text("2024,2025\n1,2\n"), FormatOverrides.parse("", "", "true", "", ""), "x.csv");
        assertThat(headed.columns()).containsExactly("2024", "2025");
        assertThat(headed.rows()).isEqualTo(1);
    }

    @Test
    void badOverridesAreNamed() {
        assertThatThrownBy(() -> FormatOverrides.parse("ab", "", "", "", "")).hasMessageContaining("Delimiter must be one character");
        assertThatThrownBy(() -> FormatOverrides.parse("", "''", "", "", "")).hasMessageContaining("Quote must be one character");
        assertThatThrownBy(() -> FormatOverrides.parse("", "", "maybe", "", "")).hasMessageContaining("Header must be true or false");
        assertThatThrownBy(() -> FormatOverrides.parse("", "", "", "klingon-8", "")).hasMessageContaining("Encoding \"klingon-8\"");
        assertThatThrownBy(() -> FormatOverrides.parse("", "", "", "", "x y")).hasMessageContaining("Fallback encoding \"x y\"");
        assertThatThrownBy(() -> importer.check(text("a,b\n"), FormatOverrides.parse("\"", "", "", "", ""), "x.csv"))
                .hasMessageContaining("delimiter and the quote must differ");
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstColumnName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ImportSummary summary = importer.check(bytes(concat(bom, "name,city\nZoë,Zürich\n".getBytes(StandardCharsets.UTF_8))),
                FormatOverrides.NONE, "x.csv");
        assertThat(summary.columns()).containsExactly("name", "city");
        assertThat(summary.format().bomLength()).isEqualTo(3);
        assertThat(summary.format().describe()).contains("UTF-8 with BOM");
    }

    @Test
    void utf16WithAByteOrderMarkIsRead() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        ImportSummary summary = importer.check(bytes(concat(bom, "name;city\nZoë;Zürich\n".getBytes(StandardCharsets.UTF_16LE))),
                FormatOverrides.NONE, "x.csv");
        assertThat(summary.format().encoding()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(summary.columns()).containsExactly("name", "city");
        assertThat(summary.rows()).isEqualTo(1);
    }

    @Test
    void invalidUtf8IsRefusedAtItsByteOffsetAndLine() {
        byte[] content = concat("name,city\nZo".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xEB},
                ",Paris\n".getBytes(StandardCharsets.UTF_8));
        ImportRejectedException e = rejected(bytes(content), FormatOverrides.NONE);
        assertThat(e.problem()).isEqualTo(Problem.INVALID_ENCODING);
        assertThat(e.byteOffset()).isEqualTo(12);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("Line 2, byte 12: not valid UTF-8").contains("windows-1252");
        assertThat(e.samples()).extracting(SampleLine::line).containsExactly(2L);
    }

    @Test
    void invalidUtf8FarBeyondTheSampleIsFoundTooAndItsOffsetCountsFromTheFileStart() {
        String rows = "1,abc\n".repeat(20_000); // 120,000 bytes: beyond the detector's 64 KB sample
        byte[] content = concat("id,name\n".getBytes(StandardCharsets.UTF_8), rows.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF},
                "\n".getBytes(StandardCharsets.UTF_8));
        ImportRejectedException e = rejected(bytes(content), FormatOverrides.NONE);
        assertThat(e.byteOffset()).isEqualTo(8 + rows.length());
        assertThat(e.line()).isEqualTo(20_002);
    }

    @Test
    void theFallbackEncodingReadsWhatIsNotUtf8() {
        Charset latin = Charset.forName("windows-1252");
        byte[] content = "name,city\nZoë,Zürich\n".getBytes(latin);
        assertThat(rejected(bytes(content), FormatOverrides.NONE).problem()).isEqualTo(Problem.INVALID_ENCODING);
        ImportSummary summary = importer.check(bytes(content), new FormatOverrides(null, null, null, null, latin), "x.csv");
        assertThat(summary.format().encoding()).isEqualTo(latin);
        assertThat(summary.rows()).isEqualTo(1);
        // Valid UTF-8 is read as UTF-8 even with a fallback chosen.
        assertThat(importer.check(text("a,b\né,1\n"), new FormatOverrides(null, null, null, null, latin), "x.csv").format().encoding())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void theFallbackAlsoAppliesWhenTheFirstInvalidByteIsBeyondTheSample() {
        Charset latin = Charset.forName("windows-1252");
        byte[] content = concat(("id,name\n" + "1,abc\n".repeat(20_000)).getBytes(latin), "2,Zoë\n".getBytes(latin));
        ImportSummary summary = importer.check(bytes(content), new FormatOverrides(null, null, null, null, latin), "x.csv");
        assertThat(summary.format().encoding()).isEqualTo(latin);
        assertThat(summary.rows()).isEqualTo(20_001);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(rejected("").problem()).isEqualTo(Problem.EMPTY_FILE);
        assertThat(rejected("\n\n  \n").getMessage()).as("blank lines only").isEqualTo("The file is empty: it holds no rows.");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThat(rejected(bytes(bom), FormatOverrides.NONE).getMessage()).contains("only a byte-order mark");
    }

    @Test
    void aHeaderOnlyIsRefused() {
        ImportRejectedException e = rejected("id,plan\n");
        assertThat(e.problem()).isEqualTo(Problem.HEADER_ONLY);
        assertThat(e.getMessage()).isEqualTo("The file has a header row (line 1) but no data rows.");
        assertThat(e.samples()).containsExactly(new SampleLine(1, "id,plan"));
    }

    @Test
    void anEmptyColumnNameIsRefusedWithItsColumn() {
        ImportRejectedException e = rejected("id,,plan\n1,2,3\n");
        assertThat(e.problem()).isEqualTo(Problem.EMPTY_COLUMN_NAME);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith("Line 1, column 2: the column has no name");
    }

    @Test
    void aDuplicateColumnNameIsRefusedNamingBothColumns() {
        ImportRejectedException e = rejected("id,plan, id\n1,2,3\n");
        assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_COLUMN_NAME);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("Line 1, column 3: the name \"id\" is already the name of column 1. Column names must be unique.");
    }

    @Test
    void tooManyColumnsAreRefused() {
        ImportRejectedException e = rejected("a,b,c,d,e,f\n1,2,3,4,5,6\n");
        assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_COLUMNS);
        assertThat(e.getMessage()).isEqualTo("Line 1 has 6 columns; at most 5 are allowed.");
        assertThat(e.column()).isEqualTo(6);
        assertThat(check("a,b,c,d,e\n1,2,3,4,5\n").columns()).as("at the limit").hasSize(5);
    }

    @Test
    void raggedRowsAreRefusedWithTheFirstOffenderAndASampleOfThem() {
        ImportRejectedException e = rejected("id,plan,fee\n1,basic,9\n2,pro\n3,pro,19,extra\n4,basic,9\n");
        assertThat(e.problem()).isEqualTo(Problem.RAGGED_ROW);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("Line 3, column 3: the row has 2 fields where line 1 has 3 (column 3 (\"fee\") is missing).")
                .contains("2 rows have the wrong number of fields");
        assertThat(e.samples()).containsExactly(new SampleLine(3, "2,pro"), new SampleLine(4, "3,pro,19,extra"));
    }

    @Test
    void theRaggedSampleStopsAtItsSize() {
        ImportRejectedException e = rejected("a,b\n" + "1\n".repeat(10));
        assertThat(e.samples()).hasSize(3);
        assertThat(e.getMessage()).contains("At least 3 rows");
    }

    @Test
    void anExtraFieldIsNamedByItsColumn() {
        ImportRejectedException e = rejected("a,b\n1,2,3\n");
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("Line 2, column 3: the row has 3 fields where line 1 has 2 (column 3 is one more than line 1 has).");
    }

    @Test
    void aFieldOverTheLimitIsRefusedWithLineAndColumn() {
        assertThat(check("a,b\n1," + "x".repeat(20) + "\n").rows()).as("at the limit").isEqualTo(1);
        ImportRejectedException e = rejected("a,b\n1,2\n3," + "x".repeat(21) + "\n");
        assertThat(e.problem()).isEqualTo(Problem.FIELD_TOO_LONG);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("Line 3, column 2 (\"b\"): the field has 21 characters; at most 20 are allowed.");
    }

    @Test
    void aFieldFarOverTheLimitStopsTheParserAndIsStillNamed() {
        // Longer than the parser's read-ahead buffer: FastCSV gives up, and the importer finds the field itself.
        ImportRejectedException runaway = rejected("a,b,c\n1,2,3\n4,5," + "x".repeat(300_000) + "\n6,7,8\n");
        assertThat(runaway.problem()).isEqualTo(Problem.FIELD_TOO_LONG);
        assertThat(runaway.line()).isEqualTo(3);
        assertThat(runaway.column()).isEqualTo(3);
        assertThat(runaway.getMessage()).isEqualTo("Line 3, column 3: the field has more than 20 characters; at most 20 are allowed.");
        ImportRejectedException e = rejected("a,b,c\n1,2,3\n4,5," + "x".repeat(500) + "\n6,7,8\n");
        assertThat(e.problem()).isEqualTo(Problem.FIELD_TOO_LONG);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.samples().getFirst().text()).hasSize(LineSampler.MAX_CHARS + 1).endsWith("…");
    }

    @Test
    void anUnclosedQuoteIsRefusedWhereItOpens() {
        ImportRejectedException e = rejected("a,b\n1,2\n3,\"open\n4,5\n");
        assertThat(e.problem()).isEqualTo(Problem.UNCLOSED_QUOTE);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith("Line 3, column 2: a quote (\") opens the field and is never closed");
    }

    @Test
    void anUnclosedQuoteLongerThanTheLimitIsStillAnUnclosedQuote() {
        ImportRejectedException e = rejected("a,b\n1,\"open\n" + "4,5\n".repeat(100_000));
        assertThat(e.problem()).isEqualTo(Problem.UNCLOSED_QUOTE);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() {
        ImportSummary summary = check("id,note\n1,\"a, \"\"b\"\"\nc\"\n2,d\n");
        assertThat(summary.rows()).isEqualTo(2);
    }

    @Test
    void aLargeFileStreamsThroughWithoutBeingHeldInMemory() {
        // 2 million rows made as they are read: no array of the whole file exists anywhere.
        long rows = 2_000_000;
        ContentSource generated = () -> new RepeatedLines("id,value\n", "1,2\n", rows);
        assertThat(importer.check(generated, FormatOverrides.NONE, "big.csv").rows()).isEqualTo(rows);
    }

    /** A header, then one line repeated: a stream of any length in constant memory. */
    private static final class RepeatedLines extends InputStream {
        private final byte[] header;
        private final byte[] line;
        private final long total;
        private long position;

        RepeatedLines(String header, String line, long times) {
            this.header = header.getBytes(StandardCharsets.UTF_8);
            this.line = line.getBytes(StandardCharsets.UTF_8);
            this.total = this.header.length + times * this.line.length;
        }

        @Override
        public int read() {
            if (position >= total) {
                return -1;
            }
            long p = position++;
            return p < header.length ? header[(int) p] : line[(int) ((p - header.length) % line.length)];
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

}
