package dev.cairn.plugin.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.plugin.data.ingest.ImportRejectedException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad Parquet input of SECURITY.md item 16 (ADR 0026), each refused with a message naming what is wrong, and what passes. */
class ParquetImporterTest {

    private static final ImportLimits LIMITS = new ImportLimits(5, 20, 3);
    private final ParquetImporter importer = new ParquetImporter(LIMITS, ParquetProperties.DEFAULTS);

    @TempDir
    Path dir;

    private Path parquet(String select) {
        return TestParquet.write(dir.resolve("data.parquet"), select);
    }

    private ImportRejectedException rejected(Path file, String name) {
        try {
            importer.check(file, name);
        } catch (ImportRejectedException e) {
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void acceptsNumbersTextBooleansDatesAndTimestampsWithTheirNamesAndRowCount() {
        Path file = parquet("SELECT i AS id, i * 1.5 AS score, 'c' || (i % 3) AS city, i % 2 = 0 AS active, DATE '2024-01-01' + i::INTEGER AS day,"
                + " TIMESTAMPTZ '2024-01-01 10:00:00+02' AS seen FROM range(7) t(i)");

        ImportSummary summary = new ParquetImporter(ImportLimits.DEFAULTS, ParquetProperties.DEFAULTS).check(file, "data.parquet");

        assertThat(summary.kind()).isEqualTo("PARQUET");
        assertThat(summary.format()).isNull();
        assertThat(summary.columns()).containsExactly("id", "score", "city", "active", "day", "seen");
        assertThat(summary.rows()).isEqualTo(7);
    }

    @Test
    void refusesAFileNamedParquetThatIsNot() throws IOException {
        Path file = Files.writeString(dir.resolve("data.parquet"), "id,name\n1,a\n");

        ImportRejectedException e = rejected(file, "nightly.parquet");

        assertThat(e.problem()).isEqualTo(Problem.NOT_PARQUET);
        assertThat(e.getMessage()).contains("\"nightly.parquet\" is named as a Parquet file but is not one").contains("PAR1");
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        byte[] whole = TestParquet.bytes(parquet("SELECT i AS id FROM range(100) t(i)"));
        Path cut = Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(whole, whole.length / 2));

        ImportRejectedException e = rejected(cut, "cut.parquet");

        assertThat(e.problem()).isEqualTo(Problem.UNREADABLE_PARQUET);
        assertThat(e.getMessage()).contains("truncated");
    }

    @Test
    void refusesACorruptFileWithoutNamingTheServersTemporaryPath() throws IOException {
        byte[] bytes = TestParquet.bytes(parquet("SELECT i AS id, 'x' || i AS name FROM range(1000) t(i)"));
        for (int i = 4; i < bytes.length - 8; i++) {
            bytes[i] = (byte) 0x5a; // data and footer overwritten, both magics kept
        }
        Path corrupt = Files.write(dir.resolve("upload-123.part"), bytes);

        ImportRejectedException e = rejected(corrupt, "broken.parquet");

        assertThat(e.problem()).isEqualTo(Problem.UNREADABLE_PARQUET);
        assertThat(e.getMessage()).startsWith("\"broken.parquet\" cannot be read as Parquet: ").doesNotContain(dir.toString())
                .doesNotContain("upload-123");
    }

    @Test
    void refusesACorruptDataPageFoundOnlyByDecodingIt() throws IOException {
        byte[] bytes = TestParquet.bytes(parquet("SELECT i AS id FROM range(1000) t(i)"));
        for (int i = 8; i < 60; i++) {
            bytes[i] = (byte) 0x5a; // the first page's header; the footer (schema, row count) is intact
        }
        Path corrupt = Files.write(dir.resolve("page.parquet"), bytes);

        assertThat(rejected(corrupt, "page.parquet").problem()).isEqualTo(Problem.UNREADABLE_PARQUET);
    }

    @Test
    void refusesNestedBinaryAndIntervalColumnsNamingEach() {
        Path file = parquet("SELECT 1 AS id, {'x': 1} AS point, [1, 2] AS tags, 'b'::BLOB AS raw, INTERVAL 1 DAY AS wait");

        ImportRejectedException e = rejected(file, "data.parquet");

        assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_TYPE);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.getMessage()).contains("Column 2 (\"point\") is STRUCT(x INTEGER), a nested type")
                .contains("column 3 (\"tags\") is INTEGER[], a nested type").contains("column 4 (\"raw\") is BLOB, binary")
                .contains("and 1 more").contains("numbers, text, booleans, dates and timestamps");
    }

    @Test
    void refusesTooManyColumns() {
        ImportRejectedException e = rejected(parquet("SELECT 1 AS a, 2 AS b, 3 AS c, 4 AS d, 5 AS e, 6 AS f"), "wide.parquet");

        assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_COLUMNS);
        assertThat(e.getMessage()).isEqualTo("\"wide.parquet\" has 6 columns; at most 5 are allowed.");
    }

    @Test
    void refusesAFileWithoutRows() {
        ImportRejectedException e = rejected(parquet("SELECT 1 AS id, 'a' AS name WHERE false"), "none.parquet");

        assertThat(e.problem()).isEqualTo(Problem.NO_ROWS);
        assertThat(e.getMessage()).isEqualTo("\"none.parquet\" has 2 columns but no rows.");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        assertThat(rejected(Files.write(dir.resolve("empty.parquet"), new byte[0]), "empty.parquet").problem()).isEqualTo(Problem.EMPTY_FILE);
    }

    @Test
    void refusesTwoColumnsOfOneName() {
        // No writer makes this (DuckDB renames the second), so the name is changed in the file's bytes.
        Path file = TestParquet.rename(parquet("SELECT 1 AS dupx, 2 AS dupy"), "dupy", "dupx");

        ImportRejectedException e = rejected(file, "data.parquet");

        assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_COLUMN_NAME);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("Column 2: the name \"dupx\" is already the name of column 1. Column names must be unique.");
    }

    @Test
    void refusesABlankColumnName() {
        ImportRejectedException e = rejected(parquet("SELECT 1 AS id, 2 AS \" \""), "data.parquet");

        assertThat(e.problem()).isEqualTo(Problem.EMPTY_COLUMN_NAME);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith("Column 2 has no name");
    }

    @Test
    void refusesATextValueOverTheFieldLimitNamingItsColumn() {
        ImportRejectedException e = rejected(parquet("SELECT 1 AS id, repeat('x', 21) AS note"), "data.parquet");

        assertThat(e.problem()).isEqualTo(Problem.FIELD_TOO_LONG);
        assertThat(e.getMessage()).isEqualTo("Column 2 (\"note\"): a value has 21 characters; at most 20 are allowed.");
    }

    @Test
    void knowsParquetByItsMagicBytesAtBothEnds() throws IOException {
        Path file = parquet("SELECT 1 AS id");
        byte[] whole = TestParquet.bytes(file);

        assertThat(ParquetMagic.isParquet(file)).isTrue();
        assertThat(ParquetMagic.isParquet(Files.write(dir.resolve("half"), Arrays.copyOf(whole, whole.length - 1)))).isFalse();
        assertThat(ParquetMagic.startsWithMagic(dir.resolve("half"))).isTrue();
        assertThat(ParquetMagic.namedParquet("Nightly.PARQUET")).isTrue();
        assertThat(ParquetMagic.namedParquet("nightly.csv")).isFalse();
    }
}
