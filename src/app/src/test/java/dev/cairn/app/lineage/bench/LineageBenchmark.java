package dev.cairn.app.lineage.bench;

import static dev.cairn.app.db.Tables.LINEAGE_ARTIFACT;
import static dev.cairn.app.db.Tables.LINEAGE_EVENT;
import static dev.cairn.app.db.Tables.LINEAGE_EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.app.lineage.LineageStore;
import dev.cairn.app.lineage.NodeRef;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.app.support.PostgresTestDatabase;
import dev.cairn.app.tenancy.TenantScope;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lineage benchmark of issue 8 ("upstream and downstream of a node in a tenant graph of
 * 100,000 nodes and 300,000 events answer in at most 50 ms"), run by scripts/bench-lineage only:
 * its name matches neither the unit (*Test) nor the integration (*IT) pattern, so the suite never
 * runs it.
 *
 * <p>Seeds the demo tenant Acme's project with {@link BenchmarkGraph} and Globex's with a graph a
 * tenth of the size (so the tenant predicates have rows to filter out), then times
 * {@link LineageStore#upstream} and {@link LineageStore#downstream}, the calls behind the lineage
 * view and the REST API, in Acme's scope, for random nodes. The MLMD peer (scripts/bench/mlmd_peer.py)
 * gets the same graph and the same nodes; the two sides take turns, round by round and direction
 * by direction, so that load from other builds on the shared machine falls on both alike.
 *
 * <p>Settings (system properties): cairn.bench.nodes (100000), cairn.bench.queries per round and
 * direction (100), cairn.bench.rounds (3), cairn.bench.python (the MLMD venv's python; none: Cairn only),
 * cairn.bench.out (result folder, target/bench).
 */
@SpringBootTest(properties = {"cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
class LineageBenchmark {

    private static final int BATCH = 1000;
    private static final int WARM_UP_QUERIES = 50;
    /** LineageTraversal.MAX_DEPTH: one step per event, as one hop in MLMD. */
    private static final int MAX_DEPTH = 100;

    @Autowired
    DSLContext dsl;
    @Autowired
    DemoWorld world;
    @Autowired
    LineageStore lineage;
    @Autowired
    TransactionTemplate transactions;

    private final int nodes = Integer.getInteger("cairn.bench.nodes", 100_000);
    private final int queries = Integer.getInteger("cairn.bench.queries", 100);
    private final int rounds = Integer.getInteger("cairn.bench.rounds", 3);
    private final String python = System.getProperty("cairn.bench.python", "");
    private final Path out = Path.of(System.getProperty("cairn.bench.out", "target/bench"));
    private final String database = PostgresTestDatabase.active() ? "PostgreSQL" : "H2";

    @Test
    void measure() throws Exception {
        UUID acme = TenantScope.callAsPlatform(() -> world.tenantId("acme"));
        UUID globex = TenantScope.callAsPlatform(() -> world.tenantId("globex"));
        BenchmarkGraph graph = BenchmarkGraph.generate(nodes, 8);
        long seedStart = System.nanoTime();
        seed(globex, "globex", BenchmarkGraph.generate(nodes / 10, 9));
        seed(acme, "acme", graph);
        log("%s: seeded %d nodes and %d events (and a tenth as much for the second tenant) in %d s", database,
                graph.nodes.size(), graph.events.size(), (System.nanoTime() - seedStart) / 1_000_000_000L);
        Path graphFile = out.resolve("graph.txt");
        graph.write(graphFile);

        try (Peer peer = python.isBlank() ? null : new Peer(python, graphFile, out.resolve("mlmd.sqlite"))) {
            Random random = new Random(42);
            // Warm-up for both sides (JIT, caches, connection pool), not recorded.
            for (String direction : List.of("UPSTREAM", "DOWNSTREAM")) {
                List<Integer> warm = sample(graph, random, WARM_UP_QUERIES);
                cairn(acme, graph, direction, warm);
                if (peer != null) {
                    peer.round(direction, warm);
                }
            }
            Samples cairnUp = new Samples(), cairnDown = new Samples(), mlmdUp = new Samples(), mlmdDown = new Samples();
            for (int round = 0; round < rounds; round++) {
                for (String direction : List.of("UPSTREAM", "DOWNSTREAM")) {
                    List<Integer> starts = sample(graph, random, queries);
                    Samples cairn = cairn(acme, graph, direction, starts);
                    (direction.equals("UPSTREAM") ? cairnUp : cairnDown).add(cairn);
                    if (peer != null) {
                        Samples mlmd = peer.round(direction, starts);
                        assertThat(mlmd.sizes).as("MLMD finds the same number of nodes as Cairn, " + direction)
                                .isEqualTo(cairn.sizes);
                        (direction.equals("UPSTREAM") ? mlmdUp : mlmdDown).add(mlmd);
                    }
                }
                log("%s: round %d of %d done", database, round + 1, rounds);
            }
            report(graph, cairnUp, cairnDown, peer == null ? null : mlmdUp, mlmdDown);
        }
    }

    private Samples cairn(UUID tenant, BenchmarkGraph graph, String direction, List<Integer> starts) {
        Function<UUID, List<NodeRef>> query = direction.equals("UPSTREAM") ? lineage::upstream : lineage::downstream;
        Samples samples = new Samples();
        for (int start : starts) {
            UUID id = graph.nodes.get(start).id();
            long begin = System.nanoTime();
            int size = TenantScope.callAs(tenant, () -> query.apply(id)).size();
            samples.add((System.nanoTime() - begin) / 1e6, size);
        }
        return samples;
    }

    private static List<Integer> sample(BenchmarkGraph graph, Random random, int count) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(random.nextInt(graph.nodes.size()));
        }
        return starts;
    }

    /** Bulk insert through the platform's own tables, in batches, in the tenant's scope (row-level security on PostgreSQL). */
    private void seed(UUID tenant, String slug, BenchmarkGraph graph) {
        UUID project = world.projectOf(slug).id();
        UUID context = TenantScope.callAs(tenant, () -> lineage.projectContext(project)).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now();
        List<TableRecord<?>> artifacts = new ArrayList<>();
        List<TableRecord<?>> executions = new ArrayList<>();
        for (BenchmarkGraph.Node node : graph.nodes) {
            if (node.artifact()) {
                var row = dsl.newRecord(LINEAGE_ARTIFACT);
                row.setId(node.id());
                row.setTenantId(tenant);
                row.setContextId(context);
                row.setType(node.type());
                row.setName(node.name());
                row.setUri("s3://bench/" + node.name());
                row.setProperties("{}");
                row.setCreatedAt(now.plusNanos(node.index() * 1000L));
                artifacts.add(row);
            } else {
                var row = dsl.newRecord(LINEAGE_EXECUTION);
                row.setId(node.id());
                row.setTenantId(tenant);
                row.setContextId(context);
                row.setType(node.type());
                row.setName(node.name());
                row.setState("COMPLETE");
                row.setProperties("{}");
                row.setCreatedAt(now.plusNanos(node.index() * 1000L));
                executions.add(row);
            }
        }
        List<TableRecord<?>> events = new ArrayList<>();
        for (BenchmarkGraph.Event event : graph.events) {
            var row = dsl.newRecord(LINEAGE_EVENT);
            row.setId(UUID.randomUUID());
            row.setTenantId(tenant);
            row.setArtifactId(graph.nodes.get(event.artifact()).id());
            row.setExecutionId(graph.nodes.get(event.execution()).id());
            row.setKind(event.input() ? "INPUT" : "OUTPUT");
            row.setCreatedAt(now);
            events.add(row);
        }
        for (List<TableRecord<?>> rows : List.of(artifacts, executions, events)) {
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<TableRecord<?>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                TenantScope.runAs(tenant, () -> transactions.executeWithoutResult(status -> dsl.batchInsert(batch).execute()));
            }
        }
    }

    private void report(BenchmarkGraph graph, Samples cairnUp, Samples cairnDown, Samples mlmdUp, Samples mlmdDown)
            throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%s, %d nodes, %d events, %d queries per direction and side, depth %d%n%n", database,
                graph.nodes.size(), graph.events.size(), cairnUp.times.size(), MAX_DEPTH));
        table.append("| database | direction | side | median ms | p95 ms | max ms | result size median / max | Cairn/MLMD (median, p95) |\n");
        table.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        row(table, "upstream", cairnUp, mlmdUp);
        row(table, "downstream", cairnDown, mlmdDown);
        Files.createDirectories(out);
        Files.writeString(out.resolve("lineage-" + database.toLowerCase() + ".md"), table);
        log("%n%s", table);
    }

    private void row(StringBuilder table, String direction, Samples cairn, Samples mlmd) {
        String ratio = mlmd == null ? "" : String.format("%.2f, %.2f", cairn.percentile(50) / mlmd.percentile(50),
                cairn.percentile(95) / mlmd.percentile(95));
        table.append(cells(direction, "Cairn", cairn, ratio));
        if (mlmd != null) {
            table.append(cells(direction, "MLMD (SQLite)", mlmd, ""));
        }
    }

    private String cells(String direction, String side, Samples samples, String ratio) {
        return String.format("| %s | %s | %s | %.1f | %.1f | %.1f | %d / %d | %s |%n", database, direction, side,
                samples.percentile(50), samples.percentile(95), samples.percentile(100),
                (int) percentile(samples.sizes.stream().mapToDouble(Integer::doubleValue).toArray(), 50),
                samples.sizes.stream().mapToInt(Integer::intValue).max().orElse(0), ratio);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }

    /** Wall times in ms and result sizes (nodes reached, the start not counted), in query order. */
    static final class Samples {
        final List<Double> times = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();

        void add(double millis, int size) {
            times.add(millis);
            sizes.add(size);
        }

        void add(Samples other) {
            times.addAll(other.times);
            sizes.addAll(other.sizes);
        }

        double percentile(double p) {
            return LineageBenchmark.percentile(times.stream().mapToDouble(Double::doubleValue).toArray(), p);
        }
    }

    /** The MLMD side, a Python process that seeds its own store from the graph file and then times rounds on request. */
    private static final class Peer implements AutoCloseable {
        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader answers;

        Peer(String python, Path graphFile, Path store) throws IOException {
            Path script = Path.of(System.getProperty("cairn.bench.peer", "../../scripts/bench/mlmd_peer.py"));
            process = new ProcessBuilder(python, script.toString(), graphFile.toString(), store.toString(),
                    String.valueOf(MAX_DEPTH)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String ready = answers.readLine();
            if (!"ready".equals(ready)) {
                throw new IllegalStateException("The MLMD peer did not start: " + ready);
            }
        }

        Samples round(String direction, List<Integer> starts) throws IOException {
            commands.println(direction + " " + starts.stream().map(String::valueOf).collect(Collectors.joining(",")));
            String answer = answers.readLine();
            if (answer == null) {
                throw new IllegalStateException("The MLMD peer ended early");
            }
            String[] parts = answer.split(" ");
            Samples samples = new Samples();
            String[] times = parts[0].split(",");
            String[] sizes = parts[1].split(",");
            for (int i = 0; i < times.length; i++) {
                samples.add(Double.parseDouble(times[i]), Integer.parseInt(sizes[i]));
            }
            return samples;
        }

        @Override
        public void close() throws InterruptedException {
            commands.println("quit");
            if (!process.waitFor(java.time.Duration.ofSeconds(30))) {
                process.destroy();
            }
        }
    }
}
