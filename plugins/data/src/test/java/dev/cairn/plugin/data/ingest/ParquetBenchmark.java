package dev.cairn.plugin.data.ingest;

import dev.cairn.plugin.data.profile.CsvRowSource;
import dev.cairn.plugin.data.profile.DatasetProfile;
import dev.cairn.plugin.data.profile.ProfileOptions;
import dev.cairn.plugin.data.profile.Profiler;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The figures of ADR 0026 (its name matches neither *Test nor *IT, so the suite never runs it): writes
 * a CSV (BenchmarkCsv's) as Parquet with DuckDB, then times, in this JVM, the upload's strict check of
 * the Parquet file, reading its rows through DuckDB into a profile, and the same profile from the CSV.
 *
 * <pre>java -Xmx256m --enable-native-access=ALL-UNNAMED ... ParquetBenchmark FILE.csv</pre>
 */
public final class ParquetBenchmark {

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path parquet = csv.resolveSibling(csv.getFileName() + ".parquet");
        ProfileOptions options = ProfileOptions.defaults().withLabelColumn("label");
        if (!Files.exists(parquet)) {
            TestParquet.fromCsv(csv, parquet);
        }
        long start = System.nanoTime();
        ImportSummary summary = new ParquetImporter(ImportLimits.DEFAULTS, ParquetProperties.DEFAULTS).check(parquet, "bench.parquet");
        double check = seconds(start);

        start = System.nanoTime();
        DatasetProfile fromParquet;
        try (InputStream content = Files.newInputStream(parquet);
             CsvRowSource rows = ParquetRows.open(content, summary.columns(), ParquetProperties.DEFAULTS)) {
            fromParquet = Profiler.profile(rows, options);
        }
        double parquetProfile = seconds(start);

        start = System.nanoTime();
        DatasetProfile fromCsv;
        try (CsvRowSource rows = CsvRowSource.open(csv, ',', StandardCharsets.UTF_8)) {
            fromCsv = Profiler.profile(rows, options);
        }
        double csvProfile = seconds(start);

        System.out.printf(Locale.ROOT, "{\"rows\": %d, \"columns\": %d, \"parquetBytes\": %d, \"csvBytes\": %d, \"check_s\": %.2f,"
                        + " \"parquetProfile_s\": %.2f, \"csvProfile_s\": %.2f, \"parquetRowsPerSecond\": %.0f, \"sameRows\": %b}%n",
                summary.rows(), summary.columns().size(), Files.size(parquet), Files.size(csv), check, parquetProfile, csvProfile,
                fromParquet.rows() / parquetProfile, fromParquet.rows() == fromCsv.rows());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
