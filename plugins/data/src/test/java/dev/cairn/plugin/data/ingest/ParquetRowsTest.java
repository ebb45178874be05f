package dev.cairn.plugin.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.FeatureType;
import dev.cairn.plugin.data.profile.ColumnProfile;
import dev.cairn.plugin.data.profile.CsvRowSource;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.ProfileOptions;
import dev.cairn.plugin.data.profile.Profiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Parquet version's rows as the profiler reads them (ADR 0026): each type mapped, nulls missing, text intact, nothing left on disk. */
class ParquetRowsTest {

    @TempDir
    Path dir;

    @TempDir
    Path work;

    private CsvRowSource rows(Path parquet, List<String> columns) throws IOException {
        try (InputStream content = Files.newInputStream(parquet)) {
            return ParquetRows.open(content, columns, new ParquetProperties("64MB", 1, work));
        }
    }

    @Test
    void mapsEachTypeToWhatTheProfilerInfers() throws IOException {
        Path file = TestParquet.write(dir.resolve("types.parquet"), "SELECT i AS id, i * 0.5 AS score, i::DOUBLE / 3 AS ratio,"
                + " 12.25::DECIMAL(10,2) AS price, 'c' || (i % 3) AS city, i % 2 = 0 AS active, DATE '2024-01-01' + i::INTEGER AS day,"
                + " TIMESTAMP '2024-01-01 10:00:00' + to_seconds(i) AS seen, TIMESTAMPTZ '2024-01-01 10:00:00+02' AS zoned,"
                + " CASE WHEN i % 4 = 0 THEN NULL ELSE i END AS sparse FROM range(8) t(i)");
        List<String> names = List.of("id", "score", "ratio", "price", "city", "active", "day", "seen", "zoned", "sparse");

        DatasetProfile profile;
        try (CsvRowSource rows = rows(file, names)) {
            profile = Profiler.profile(rows, ProfileOptions.defaults());
        }

        assertThat(profile.rows()).isEqualTo(8);
        assertThat(profile.columns()).extracting(ColumnProfile::type).containsExactly(FeatureType.INTEGER, FeatureType.DECIMAL,
                FeatureType.DECIMAL, FeatureType.DECIMAL, FeatureType.CATEGORICAL, FeatureType.BOOLEAN, FeatureType.TIMESTAMP,
                FeatureType.TIMESTAMP, FeatureType.TIMESTAMP, FeatureType.INTEGER);
        assertThat(profile.column("ratio").numeric().orElseThrow().max()).isEqualTo(7.0 / 3);
        assertThat(profile.column("sparse").missing()).as("nulls are missing values").isEqualTo(2);
        assertThat(profile.column("zoned").timestamps().orElseThrow().min()).as("read in UTC").isEqualTo(Instant.parse("2024-01-01T08:00:00Z"));
        assertThat(profile.column("seen").timestamps().orElseThrow().max()).isEqualTo(Instant.parse("2024-01-01T10:00:07Z"));
    }

    @Test
    void keepsTextWithQuotesCommasAndLineBreaksAndNamesAsTheVersionHasThem() throws IOException {
        Path file = TestParquet.write(dir.resolve("text.parquet"),
                "SELECT 'say \"hi\", then' AS \"note, first\", 'two\nlines' AS body, '' AS blank, NULL::VARCHAR AS nothing");
        List<String[]> read = new ArrayList<>();
        List<String> header;
        try (CsvRowSource rows = rows(file, List.of("note, first", "body", "blank", "nothing"))) {
            header = rows.header();
            for (String[] row = rows.next(); row != null; row = rows.next()) {
                read.add(row);
            }
        }

        assertThat(header).containsExactly("note, first", "body", "blank", "nothing");
        assertThat(read).hasSize(1);
        assertThat(read.getFirst()).containsExactly("say \"hi\", then", "two\nlines", "", "");
    }

    @Test
    void leavesNoTemporaryFileBehindEvenWhileTheRowsAreRead() throws IOException {
        Path file = TestParquet.write(dir.resolve("n.parquet"), "SELECT i AS id FROM range(10) t(i)");
        try (CsvRowSource rows = rows(file, List.of("id")); Stream<Path> during = Files.list(work)) {
            // The Parquet copy is gone once DuckDB wrote the CSV; the open CSV is unlinked (DELETE_ON_CLOSE), so a crash leaves nothing.
            assertThat(during.toList()).isEmpty();
            assertThat(rows.next()).containsExactly("0");
        }

        try (Stream<Path> after = Files.list(work)) {
            assertThat(after.toList()).isEmpty();
        }
    }
}
