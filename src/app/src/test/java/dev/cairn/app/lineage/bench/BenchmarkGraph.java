package dev.cairn.app.lineage.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A project's lineage in the shape ML pipelines leave behind, generated from a seed so that Cairn
 * and the MLMD peer get exactly the same graph (it is handed to the peer as a file).
 *
 * <p>Pipelines of four generations (retrainings). Each generation: six raw shards and one shared
 * reference dataset (fan-in) are ingested, together with the previous generation's dataset, into
 * one dataset; two transforms split it into three parts each (fan-out); two trainings read all six
 * splits and the previous generation's model and each make a model and its metrics; an evaluation
 * reads both models and metrics and makes a report; a release reads the models and the report and
 * makes a deployment. The reference datasets are shared by about ten pipelines each, so their
 * downstream spans pipelines. To reach three events per node, as the benchmark's target asks,
 * executions also read earlier artifacts of their own pipeline (history, configurations), picked
 * at random. Every event leads from an older node to a newer one, so the graph has no cycle.
 */
final class BenchmarkGraph {

    static final int GENERATIONS = 4;
    static final int EVENTS_PER_NODE = 3;

    record Node(int index, boolean artifact, String type, String name, UUID id) {}

    record Event(int artifact, int execution, boolean input) {}

    final List<Node> nodes = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    private final Set<Long> edges = new HashSet<>();
    private final List<int[]> executionRanges = new ArrayList<>();
    private final Random random;

    private BenchmarkGraph(long seed) {
        this.random = new Random(seed);
    }

    static BenchmarkGraph generate(int targetNodes, long seed) {
        BenchmarkGraph graph = new BenchmarkGraph(seed);
        int perPipeline = 26 * GENERATIONS;
        int pipelines = Math.max(1, targetNodes / perPipeline);
        int references = Math.max(1, pipelines / 10);
        for (int r = 0; r < references; r++) {
            graph.artifact("data.reference", "reference-" + r);
        }
        for (int p = 0; p < pipelines && graph.nodes.size() < targetNodes; p++) {
            graph.pipeline(p, references);
        }
        graph.extraReads((long) EVENTS_PER_NODE * graph.nodes.size());
        return graph;
    }

    private void pipeline(int p, int references) {
        int start = nodes.size();
        Integer previousDataset = null;
        Integer previousModel = null;
        for (int g = 0; g < GENERATIONS; g++) {
            String at = "p" + p + "g" + g;
            List<Integer> ingestIn = new ArrayList<>();
            for (int s = 0; s < 6; s++) {
                ingestIn.add(artifact("data.shard", at + "-shard-" + s));
            }
            ingestIn.add(random.nextInt(references));
            if (previousDataset != null) {
                ingestIn.add(previousDataset);
            }
            int dataset = execution(start, "data.ingest", at + "-ingest", ingestIn, List.of("data.dataset")).getFirst();
            List<Integer> splits = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                splits.addAll(execution(start, "data.transform", at + "-transform-" + t, List.of(dataset),
                        List.of("data.split", "data.split", "data.split")));
            }
            List<Integer> models = new ArrayList<>();
            List<Integer> metrics = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<Integer> trainIn = new ArrayList<>(splits);
                if (previousModel != null) {
                    trainIn.add(previousModel);
                }
                List<Integer> out = execution(start, "modeling.training", at + "-training-" + t, trainIn,
                        List.of("modeling.model", "modeling.metrics"));
                models.add(out.get(0));
                metrics.add(out.get(1));
            }
            List<Integer> evaluationIn = new ArrayList<>(models);
            evaluationIn.addAll(metrics);
            int report = execution(start, "modeling.evaluation", at + "-evaluation", evaluationIn, List.of("modeling.report")).getFirst();
            List<Integer> releaseIn = new ArrayList<>(models);
            releaseIn.add(report);
            execution(start, "deployment.release", at + "-release", releaseIn, List.of("deployment.endpoint"));
            previousDataset = dataset;
            previousModel = models.get(random.nextInt(2));
        }
    }

    private int artifact(String type, String name) {
        int index = nodes.size();
        nodes.add(new Node(index, true, type, name, UUID.randomUUID()));
        return index;
    }

    private List<Integer> execution(int pipelineStart, String type, String name, List<Integer> inputs, List<String> outputTypes) {
        int index = nodes.size();
        nodes.add(new Node(index, false, type, name, UUID.randomUUID()));
        executionRanges.add(new int[] {pipelineStart, index});
        inputs.forEach(input -> event(input, index, true));
        List<Integer> outputs = new ArrayList<>();
        for (int o = 0; o < outputTypes.size(); o++) {
            int output = artifact(outputTypes.get(o), name + "-out-" + o);
            event(output, index, false);
            outputs.add(output);
        }
        return outputs;
    }

    private boolean event(int artifact, int execution, boolean input) {
        if (!edges.add(((long) artifact << 32) | execution)) {
            return false;
        }
        events.add(new Event(artifact, execution, input));
        return true;
    }

    /** Extra reads of older artifacts of the same pipeline, until the graph holds {@code target} events. */
    private void extraReads(long target) {
        while (events.size() < target) {
            int[] range = executionRanges.get(random.nextInt(executionRanges.size()));
            int candidate = range[0] + random.nextInt(range[1] - range[0]);
            if (nodes.get(candidate).artifact()) {
                event(candidate, range[1], true);
            }
        }
    }

    /** One line per node ("A|E index type name") and per event ("V artifact execution INPUT|OUTPUT"), for the MLMD peer. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (Node node : nodes) {
                out.println((node.artifact() ? "A " : "E ") + node.index() + " " + node.type() + " " + node.name());
            }
            for (Event event : events) {
                out.println("V " + event.artifact() + " " + event.execution() + " " + (event.input() ? "INPUT" : "OUTPUT"));
            }
        }
    }
}
