"""The MLMD side of scripts/bench-lineage: seeds ML Metadata's SQLite store with the graph file
written by Cairn's LineageBenchmark, then answers timing rounds on stdin, so that the two sides run
interleaved in one run (the machine is shared; alternating keeps the ratio fair).

Protocol, one line each way: "UPSTREAM|DOWNSTREAM i,j,k" (node indices of the graph file) ->
"ms1,ms2,... size1,size2,..." (wall time of each get_lineage_subgraph call and the number of
nodes it returned besides the start). "quit" ends the process.
"""
import os
import sys
import time

from ml_metadata.metadata_store import metadata_store
from ml_metadata.proto import metadata_store_pb2 as pb

BATCH = 2000


def main(graph_file, sqlite_file, max_hops):
    if os.path.exists(sqlite_file):
        os.remove(sqlite_file)
    config = pb.ConnectionConfig()
    config.sqlite.filename_uri = sqlite_file
    config.sqlite.connection_mode = pb.SqliteMetadataSourceConfig.READWRITE_OPENCREATE
    store = metadata_store.MetadataStore(config)

    artifacts, executions, events = [], [], []
    with open(graph_file) as lines:
        for line in lines:
            kind, a, b, c = line.split()
            if kind == "V":
                events.append((int(a), int(b), c))
            else:
                (artifacts if kind == "A" else executions).append((int(a), b, c))

    started = time.time()
    type_ids = {}

    def type_id(name, artifact):
        key = (name, artifact)
        if key not in type_ids:
            if artifact:
                type_ids[key] = store.put_artifact_type(pb.ArtifactType(name=name))
            else:
                type_ids[key] = store.put_execution_type(pb.ExecutionType(name=name))
        return type_ids[key]

    mlmd_id = {}  # graph index -> (is_artifact, MLMD id)
    for chunk in batches(artifacts):
        ids = store.put_artifacts([pb.Artifact(type_id=type_id(t, True), name=n, state=pb.Artifact.LIVE) for _, t, n in chunk])
        mlmd_id.update({i: (True, mid) for (i, _, _), mid in zip(chunk, ids)})
    for chunk in batches(executions):
        ids = store.put_executions([pb.Execution(type_id=type_id(t, False), name=n,
                                                 last_known_state=pb.Execution.COMPLETE) for _, t, n in chunk])
        mlmd_id.update({i: (False, mid) for (i, _, _), mid in zip(chunk, ids)})
    for chunk in batches(events):
        store.put_events([pb.Event(artifact_id=mlmd_id[a][1], execution_id=mlmd_id[e][1],
                                   type=pb.Event.INPUT if k == "INPUT" else pb.Event.OUTPUT) for a, e, k in chunk])
    print("seeded %d artifacts, %d executions, %d events in %.0f s"
          % (len(artifacts), len(executions), len(events), time.time() - started), file=sys.stderr, flush=True)
    print("ready", flush=True)

    for line in sys.stdin:
        line = line.strip()
        if line == "quit":
            break
        direction, indices = line.split()
        timings, sizes = [], []
        for index in indices.split(","):
            is_artifact, node = mlmd_id[int(index)]
            options = pb.LineageSubgraphQueryOptions(max_num_hops=max_hops,
                                                     direction=pb.LineageSubgraphQueryOptions.Direction.Value(direction))
            start = options.starting_artifacts if is_artifact else options.starting_executions
            start.filter_query = "id = %d" % node
            begin = time.perf_counter()
            graph = store.get_lineage_subgraph(options, field_mask_paths=["artifacts", "executions"])
            timings.append((time.perf_counter() - begin) * 1000.0)
            sizes.append(len(graph.artifacts) + len(graph.executions) - 1)
        print(",".join("%.3f" % t for t in timings) + " " + ",".join(str(s) for s in sizes), flush=True)


def batches(items):
    for i in range(0, len(items), BATCH):
        yield items[i:i + BATCH]


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
