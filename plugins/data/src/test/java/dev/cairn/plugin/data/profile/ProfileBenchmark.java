package dev.cairn.plugin.data.profile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Cairn's side of scripts/bench-profile (its name matches neither *Test nor *IT, so the suite never
 * runs it): profiles one CSV in this JVM and prints one line of JSON with the time taken and, per
 * column, what the script compares with pandas (rows, count, mean).
 *
 * <pre>java -Xmx256m ... ProfileBenchmark FILE [THREADS]</pre>
 */
public final class ProfileBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        ProfileOptions options = ProfileOptions.defaults().withLabelColumn("label").withThreads(threads);
        long start = System.nanoTime();
        DatasetProfile profile;
        try (CsvRowSource source = CsvRowSource.open(file, ',', StandardCharsets.UTF_8)) {
            profile = Profiler.profile(source, options);
        }
        // What a profile page shows: quantiles, histograms, top values, class balance; and stored bytes.
        int shown = 0;
        for (ColumnProfile column : profile.columns()) {
            shown += column.quantiles().map(q -> q.values().length).orElse(0);
            shown += column.histogram(20).map(h -> h.counts().length).orElse(0);
            shown += column.topValues(10).size();
        }
        shown += profile.classBalance().map(b -> b.classes().size()).orElse(0);
        byte[] stored = ProfileCodec.toBytes(profile);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
        long gcMillis = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
        long jitMillis = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"seconds\": %.3f, \"main_thread_cpu\": %.3f, \"gc_ms\": %d, \"jit_ms\": %d, \"rows\": %d, \"duplicates\": %d, \"stored_bytes\": %d, "
                        + "\"heap_max_mb\": %d, \"shown\": %d, \"columns\": {", seconds, cpu, gcMillis, jitMillis, profile.rows(),
                profile.duplicateRows().value(), stored.length, Runtime.getRuntime().maxMemory() >> 20, shown));
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
