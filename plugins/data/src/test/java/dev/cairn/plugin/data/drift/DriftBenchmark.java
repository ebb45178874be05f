package dev.cairn.plugin.data.drift;

import dev.cairn.api.data.drift.ColumnDistribution;
import dev.cairn.api.data.drift.NumericDistribution;
import dev.cairn.api.data.drift.CategoricalDistribution;
import dev.cairn.api.data.drift.DriftSettings;
import dev.cairn.api.data.drift.DriftReport;
import dev.cairn.api.data.drift.FeatureDrift;
import dev.cairn.api.data.drift.DriftMeasurement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * scripts/bench-drift's Cairn side (its name matches neither *Test nor *IT, so the suite never runs
 * it): reads two generated CSV files in one streaming pass each into the distributions the
 * profiler stores (a KLL sketch, count, moments, the values up to 1,000 per numeric column; counts
 * per category), then times the comparison itself, which is what a drift report between two
 * profiled versions costs. Columns named num_* are numbers, cat_* categories; an empty field is
 * missing. The benchmark's files hold no quoted fields, so a plain split suffices here (the real
 * import uses FastCSV).
 *
 * <p>Usage: DriftBenchmark reference.csv current.csv result.json
 */
public final class DriftBenchmark {

    private static final int COMPARE_ROUNDS = 21;

    private DriftBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        SequencedMap<String, ColumnDistribution> reference = profile(Path.of(args[0]));
        long afterReference = System.nanoTime();
        SequencedMap<String, ColumnDistribution> current = profile(Path.of(args[1]));
        long afterCurrent = System.nanoTime();
        DriftComparator comparator = new DriftComparator();
        DriftReport report = null;
        long[] compareNanos = new long[COMPARE_ROUNDS];
        for (int round = 0; round < COMPARE_ROUNDS; round++) {
            long before = System.nanoTime();
            report = comparator.compare(reference, current, DriftSettings.defaults());
            compareNanos[round] = System.nanoTime() - before;
        }
        Arrays.sort(compareNanos);
        Runtime runtime = Runtime.getRuntime();
        try (Writer out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            out.write(String.format(Locale.ROOT,
                    "{\"profile_reference_s\": %.3f, \"profile_current_s\": %.3f, \"compare_median_s\": %.4f,"
                            + " \"compare_first_s\": %.4f, \"max_heap_mb\": %d, \"dataset_drift\": %s, \"columns\": {",
                    (afterReference - start) / 1e9, (afterCurrent - afterReference) / 1e9,
                    compareNanos[COMPARE_ROUNDS / 2] / 1e9, compareNanos[COMPARE_ROUNDS - 1] / 1e9,
                    runtime.maxMemory() / (1024 * 1024), report.datasetDrifted()));
            List<String> entries = new ArrayList<>();
            for (FeatureDrift feature : report.features()) {
                DriftMeasurement verdict = feature.verdict();
                entries.add(String.format(Locale.ROOT,
                        "\"%s\": {\"method\": \"%s\", \"value\": %s, \"threshold\": %s, \"drifted\": %s, \"basis\": \"%s\"}",
                        feature.feature(), verdict.method(), number(verdict.value()), number(verdict.threshold()),
                        verdict.drifted(), verdict.basis()));
            }
            out.write(String.join(", ", entries));
            out.write("}}\n");
        }
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    /** One streaming pass: per numeric column a sketch, moments and the first 1,000 values; per category a count. */
    static SequencedMap<String, ColumnDistribution> profile(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String[] names = reader.readLine().split(",", -1);
            Column[] columns = new Column[names.length];
            for (int i = 0; i < names.length; i++) {
                columns[i] = names[i].startsWith("num_") ? new NumericColumn() : new CategoryColumn();
            }
            String line;
            while ((line = reader.readLine()) != null) {
                int field = 0;
                int from = 0;
                for (int at = 0; at <= line.length(); at++) {
                    if (at == line.length() || line.charAt(at) == ',') {
                        if (at > from) {
                            columns[field].add(line, from, at);
                        }
                        field++;
                        from = at + 1;
                    }
                }
            }
            SequencedMap<String, ColumnDistribution> result = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                result.put(names[i], columns[i].distribution());
            }
            return result;
        }
    }

    private interface Column {
        void add(String line, int from, int to);

        ColumnDistribution distribution();
    }

    private static final class NumericColumn implements Column {
        private final KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance();
        private final double[] firstValues = new double[NumericDistribution.MAX_EXACT_VALUES];
        private long count;
        private double mean;
        private double squares;

        @Override
        public void add(String line, int from, int to) {
            double value = Double.parseDouble(line.substring(from, to));
            if (!Double.isFinite(value)) {
                return;
            }
            sketch.update(value);
            if (count < firstValues.length) {
                firstValues[(int) count] = value;
            }
            count++;
            double delta = value - mean;
            mean += delta / count;
            squares += delta * (value - mean);
        }

        @Override
        public ColumnDistribution distribution() {
            double std = count == 0 ? Double.NaN : Math.sqrt(squares / count);
            return NumericSketches.of(count, sketch,
                    count <= firstValues.length ? Arrays.copyOf(firstValues, (int) count) : null,
                    count == 0 ? Double.NaN : mean, std);
        }
    }

    private static final class CategoryColumn implements Column {
        private final Map<String, long[]> counts = new HashMap<>();

        @Override
        public void add(String line, int from, int to) {
            counts.computeIfAbsent(line.substring(from, to), key -> new long[1])[0]++;
        }

        @Override
        public ColumnDistribution distribution() {
            Map<String, Long> result = new HashMap<>();
            counts.forEach((category, count) -> result.put(category, count[0]));
            return new CategoricalDistribution(result);
        }
    }
}
