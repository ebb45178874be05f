package dev.cairn.plugin.data.profile;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Cairn's side of scripts/bench-profile (its name matches neither *Test nor *IT, so the suite never
 * runs it): profiles one CSV {@code RUNS} times in this JVM, as a page would show it (quantiles,
 * histograms, top values, class balance) and as it is stored (bytes), and prints one line of JSON:
 * the first run's seconds (a JVM that has not profiled before) and the last run's (a server that
 * has), and per column what the script compares with pandas (count, mean).
 *
 * <pre>java -Xmx256m ... ProfileBenchmark FILE [THREADS] [RUNS]</pre>
 */
public final class ProfileBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        ProfileOptions options = ProfileOptions.defaults().withLabelColumn("label").withThreads(threads);
        double first = 0;
        double last = 0;
        DatasetProfile profile = null;
        byte[] stored = null;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            try (CsvRowSource source = CsvRowSource.open(file, ',', StandardCharsets.UTF_8)) {
                profile = Profiler.profile(source, options);
            }
            int shown = 0;
            for (ColumnProfile column : profile.columns()) {
                shown += column.quantiles().map(q -> q.values().length).orElse(0);
                shown += column.histogram(20).map(h -> h.counts().length).orElse(0);
                shown += column.topValues(10).size();
            }
            shown += profile.classBalance().map(b -> b.classes().size()).orElse(0);
            stored = ProfileCodec.toBytes(profile);
            last = (System.nanoTime() - start) / 1e9;
            if (run == 0) {
                first = last;
            }
            if (shown == 0) {
                throw new IllegalStateException("nothing to show");
            }
        }
        long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"seconds\": %.3f, \"last_seconds\": %.3f, \"runs\": %d, \"threads\": %d, \"gc_ms\": %d, \"jit_ms\": %d, "
                        + "\"rows\": %d, \"duplicates\": %d, \"stored_bytes\": %d, \"heap_max_mb\": %d, \"columns\": {",
                first, last, runs, threads, gcMillis, jitMillis, profile.rows(), profile.duplicateRows().value(),
                stored.length, Runtime.getRuntime().maxMemory() >> 20));
        String separator = "";
        for (ColumnProfile column : profile.columns()) {
            json.append(separator).append('"').append(column.name()).append("\": {\"type\": \"").append(column.type())
                    .append("\", \"count\": ").append(column.count()).append(", \"distinct\": ")
                    .append(column.distinct().value());
            column.numeric().ifPresent(n -> json.append(String.format(Locale.ROOT, ", \"mean\": %.6f, \"std\": %.6f",
                    n.mean(), n.std())));
            json.append('}');
            separator = ", ";
        }
        System.out.println(json.append("}}"));
    }
}
