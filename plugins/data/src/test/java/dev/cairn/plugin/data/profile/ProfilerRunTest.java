package dev.cairn.plugin.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a profiling run reports progress, stops on request and uses several threads. */
class ProfilerRunTest {

    @TempDir
    Path folder;

    private Path benchmarkFile(int rows) throws IOException {
        Path file = folder.resolve("data.csv");
        BenchmarkCsv.write(file, rows, 5);
        return file;
    }

    @Test
    void reportsRowsAndBytesReadEveryBlockOfRowsAndAtTheEnd() throws IOException {
        Path file = benchmarkFile(150_000);
        List<long[]> calls = new ArrayList<>();
        try (CsvRowSource source = CsvRowSource.open(file, ',', StandardCharsets.UTF_8)) {
            Profiler.profile(source, ProfileOptions.defaults(), (rows, bytes) -> calls.add(new long[] {rows, bytes}),
                    () -> false, null);
        }
        assertThat(calls).extracting(c -> c[0]).containsExactly(65_536L, 131_072L, 150_000L);
        assertThat(calls.get(0)[1]).isPositive().isLessThan(calls.get(1)[1]);
        assertThat(calls.get(2)[1]).isEqualTo(Files.size(file));
    }

    @Test
    void stopsWhenCancellationIsRequestedAndBuildsNothing() throws Exception {
        Path file = benchmarkFile(200_000);
        AtomicInteger asked = new AtomicInteger();
        try (CsvRowSource source = CsvRowSource.open(file, ',', StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> Profiler.profile(source, ProfileOptions.defaults().withThreads(2),
                    ProgressListener.NONE, () -> asked.incrementAndGet() == 2, null))
                    .isInstanceOf(ProfilingCancelledException.class).hasMessage("profiling was cancelled after 131072 rows");
        }
        assertThat(asked).hasValue(2);
        // The profiler's own threads are stopped with it.
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("cairn-profile")) {
                thread.join(5_000);
                assertThat(thread.isAlive()).as("a profiling thread left running").isFalse();
            }
        }
    }

    @Test
    void severalThreadsGiveTheSameProfileAsOne() throws IOException {
        Path file = benchmarkFile(50_000);
        String one = Describe.deterministicParts(profile(file, ProfileOptions.defaults(), null));
        assertThat(Describe.deterministicParts(profile(file, ProfileOptions.defaults().withThreads(3), null)))
                .isEqualTo(one);
        ExecutorService jobExecutor = Executors.newFixedThreadPool(2);
        try {
            assertThat(Describe.deterministicParts(profile(file, ProfileOptions.defaults().withThreads(2), jobExecutor)))
                    .isEqualTo(one);
            assertThat(jobExecutor.isShutdown()).as("a job's executor is the job's to stop").isFalse();
        } finally {
            jobExecutor.shutdownNow();
        }
    }

    private static DatasetProfile profile(Path file, ProfileOptions options, ExecutorService executor)
            throws IOException {
        try (CsvRowSource source = CsvRowSource.open(file, ',', StandardCharsets.UTF_8)) {
            return Profiler.profile(source, options, ProgressListener.NONE, () -> false, executor);
        }
    }

    @Test
    void readsTabSeparatedFilesAndQuotedLineBreaks() throws IOException {
        Path file = folder.resolve("data.tsv");
        Files.writeString(file, "a\tb\n1\t\"two\nlines\"\n2\tplain\n");
        try (CsvRowSource source = CsvRowSource.open(file, '\t', StandardCharsets.UTF_8)) {
            DatasetProfile profile = Profiler.profile(source, ProfileOptions.defaults());
            assertThat(profile.rows()).isEqualTo(2);
            assertThat(profile.column("b").topValues(5)).extracting(ValueCount::value).contains("two\nlines", "plain");
        }
    }
}
