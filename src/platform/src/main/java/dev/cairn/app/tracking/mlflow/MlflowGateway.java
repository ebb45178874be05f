package dev.cairn.app.tracking.mlflow;

import dev.cairn.api.tracking.DatasetInput;
import dev.cairn.api.tracking.MetricPoint;
import dev.cairn.api.tracking.ModelVersion;
import dev.cairn.api.tracking.RunArtifact;
import dev.cairn.api.tracking.RunRecord;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Field;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow_project.apachehttp.client.config.RequestConfig;
import org.mlflow_project.apachehttp.config.SocketConfig;
import org.mlflow_project.apachehttp.impl.client.CloseableHttpClient;
import org.mlflow_project.apachehttp.impl.client.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Writes Cairn's experiments and runs to an MLflow tracking server through the official Java
 * client ({@code org.mlflow:mlflow-client}).
 *
 * <p><b>Timeouts.</b> mlflow-client 2.17.2 sets no HTTP timeouts at all, so a server that accepts
 * the connection but never answers would block a caller forever. Its package-private
 * {@code MlflowHttpCaller} creates its (shaded Apache HttpClient 4) {@code httpClient} lazily, only
 * when the field is still {@code null}. The constructor therefore reads the client's private
 * {@code httpCaller} field by reflection and fills that caller's non-final {@code httpClient} field
 * with a client built from the shaded {@code RequestConfig}/{@code SocketConfig}: connect timeout,
 * pool-lease timeout and socket (read) timeout all equal the configured timeout. This works on JDK
 * 25 because the client jar sits on the class path (unnamed module, so {@code setAccessible}
 * succeeds) and no {@code final} field is written. If a future client version renames these
 * fields the constructor fails fast with {@link IllegalStateException} (the integration test
 * {@code aServerThatNeverAnswersTimesOut} guards this) rather than silently running without
 * timeouts. A per-thread executor with a bounded {@code Future.get} was the fallback design; it was
 * not needed, and it could not have freed the blocked thread anyway.
 *
 * <p>The socket timeout bounds each wait for bytes, not a whole exchange: a server that trickles
 * bytes slowly can take longer. Two mlflow-client behaviours also remain: it sends a GET again
 * (up to 3 attempts in all) when the server answers with an HTTP error other than 429 (a POST
 * answered with a 5xx is not re-sent: see {@link FailedPostsAreNotResent}), and it
 * retries 429 answers with back-off (about 60 s at most). Connection refusals and timeouts are not
 * retried. None of this runs forever.
 *
 * <p><b>Errors.</b> Every failure (HTTP errors, refused connections, timeouts) is thrown as
 * {@link TrackingUnavailableException}, except "experiment already exists" (a concurrent
 * creation), which {@link #ensureExperiment} treats as success. Invalid arguments (such as an
 * outbox id no MLflow filter can express) are {@link IllegalArgumentException}s. Keys and values
 * travel only as protobuf fields that the client serializes, or (for the calls the client lacks:
 * dataset inputs, artefact uploads, the registry; see {@link MlflowRest}) as maps Jackson writes;
 * no JSON is assembled by hand.
 *
 * <p><b>Authentication and workspaces.</b> Every request (the client's and the gateway's own plain
 * HTTP calls, which share one HTTP client) passes through {@link MlflowRequestHeaders}: it adds the
 * service account's HTTP Basic credentials, and, when the server has workspaces enabled (asked once
 * from its public server-info), the {@code X-MLFLOW-WORKSPACE} header naming the workspace that the
 * {@link MlflowWorkspaceResolver} gives for the work in progress. Before its first request in a
 * workspace the gateway creates that workspace if needed. With no workspace to name, nothing is
 * sent (fail closed): requests never fall back to the shared default workspace.
 *
 * <p>Thread-safe: the underlying pooled HTTP client may be shared by several threads.
 */
public final class MlflowGateway implements AutoCloseable {

    /** Run tag carrying the id of the outbox record a run was delivered from. */
    public static final String OUTBOX_TAG = "cairn.outbox_id";
    /** MLflow's tag for who started a run (shown as "User" in its UI). */
    public static final String USER_TAG = "mlflow.user";
    /** MLflow's tag that makes a run the child of another (nested runs in its UI). */
    public static final String PARENT_TAG = "mlflow.parentRunId";
    /** MLflow's dataset input tag for what the run used the dataset for. */
    static final String DATA_CONTEXT_TAG = "mlflow.data.context";
    /** Input tag carrying a digest longer than MLflow's 36 characters, whole. */
    static final String FULL_DIGEST_TAG = "cairn.digest";
    static final int MLFLOW_MAX_DIGEST = 36;
    private static final String MODEL_VERSION_SEARCH_PAGE = "200";

    private static final Logger log = LoggerFactory.getLogger(MlflowGateway.class);

    // MLflow's log-batch limits: 1000 entities in all, at most 100 params and 100 tags.
    private static final int MAX_PARAMS_PER_BATCH = 100;
    private static final int MAX_TAGS_PER_BATCH = 100;
    private static final int MAX_METRICS_PER_BATCH = 1000;
    /** Runs sharing one outbox id: normally one, a few after interrupted deliveries. */
    private static final int SEARCH_PAGE_SIZE = 100;

    private final String trackingUri;
    private final Duration timeout;
    private final MlflowClient client;
    private final MlflowWorkspaces workspaces;
    private final MlflowRest rest;

    /**
     * A gateway to a server without authentication or workspaces (the demo's).
     *
     * @param trackingUri base URL of the tracking server, e.g. {@code http://127.0.0.1:5000}
     * @param timeout connect timeout and longest wait for an answer, per HTTP request
     */
    public MlflowGateway(String trackingUri, Duration timeout) {
        this(trackingUri, timeout, MlflowCredentials.none(), MlflowWorkspaceResolver.NONE);
    }

    /**
     * @param trackingUri base URL of the tracking server, e.g. {@code http://127.0.0.1:5000}
     * @param timeout connect timeout and longest wait for an answer, per HTTP request
     * @param credentials sent as HTTP Basic on every request, unless {@link MlflowCredentials#none()}
     * @param workspaces names the workspace of each request when the server has workspaces
     */
    public MlflowGateway(String trackingUri, Duration timeout, MlflowCredentials credentials,
                         MlflowWorkspaceResolver workspaces) {
        Objects.requireNonNull(trackingUri, "trackingUri");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(workspaces, "workspaces");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        String uri = trackingUri.strip();
        while (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        String scheme = URI.create(uri).getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("MLflow tracking URI must be http(s): " + trackingUri);
        }
        this.trackingUri = uri;
        this.timeout = timeout;
        this.workspaces = new MlflowWorkspaces(uri, workspaces);
        this.client = new MlflowClient(uri);
        CloseableHttpClient http = httpClient(timeout, new MlflowRequestHeaders(credentials, this.workspaces::headerFor));
        installHttpClient(client, http);
        this.workspaces.connect(http);
        this.rest = new MlflowRest(uri, http);
    }

    /** The tracking URI this gateway talks to (without a trailing slash). */
    public String trackingUri() {
        return trackingUri;
    }

    /**
     * Whether the server has workspaces, as far as it has told this gateway: empty until the first
     * request (no network call here, so a view may ask without waiting on MLflow).
     */
    public Optional<Boolean> workspacesEnabledIfKnown() {
        return workspaces.knownEnabled();
    }

    /** The id of the active or deleted experiment of that name in the caller's workspace, if there is one. */
    public Optional<String> findExperimentId(String name) {
        Objects.requireNonNull(name, "name");
        return call("find experiment '" + name + "'",
                () -> client.getExperimentByName(name).map(Experiment::getExperimentId));
    }

    static final String EXPERIMENT_KIND_TAG = "mlflow.experimentKind";
    static final String CLASSIC_TRAINING_RUNS = "custom_model_development";

    /**
     * Creates the experiment, or finds it when it already exists, then sets every tag on it, and
     * the experiment kind that makes MLflow's UI show classic training runs.
     *
     * @return the experiment id
     */
    public String ensureExperiment(String name, Map<String, String> tags) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tags, "tags");
        String id = call("find or create experiment '" + name + "'", () -> {
            // Look up first: the common case is an existing experiment, and create-on-existing costs
            // three requests plus warnings (see the class comment on mlflow-client's retries).
            Optional<Experiment> existing = client.getExperimentByName(name);
            if (existing.isEmpty()) {
                try {
                    return client.createExperiment(name);
                } catch (MlflowHttpException e) {
                    if (!isAlreadyExists(e)) {
                        throw e;
                    }
                    existing = client.getExperimentByName(name); // created concurrently
                }
            }
            Experiment experiment = existing.orElseThrow(() -> new MlflowHttpException(404, "Not Found",
                    "experiment '" + name + "' was reported as existing but cannot be found"));
            if ("deleted".equals(experiment.getLifecycleStage())) {
                // A deleted experiment still owns its name; runs logged to it would be hidden.
                log.warn("Restoring deleted MLflow experiment '{}' ({}) at {}",
                        name, experiment.getExperimentId(), trackingUri);
                client.restoreExperiment(experiment.getExperimentId());
            }
            return experiment.getExperimentId();
        });
        Map<String, String> allTags = new TreeMap<>(tags);
        // Without it MLflow's UI opens the experiment in its GenAI view; Cairn's are training runs.
        allTags.putIfAbsent(EXPERIMENT_KIND_TAG, CLASSIC_TRAINING_RUNS);
        allTags.forEach((key, value) ->
                call("set tag '" + key + "' on experiment " + id, () -> {
                    client.setExperimentTag(id, key, value);
                    return null;
                }));
        return id;
    }

    /**
     * Delivers a run exactly once per outbox record. A run already tagged with {@code outboxId}
     * that is FINISHED is returned untouched; one left unfinished by an earlier, interrupted
     * delivery gets its data logged again and is finished. Otherwise a new run is created.
     *
     * @return the MLflow run id
     */
    public String deliverRun(String experimentId, String outboxId, RunRecord run) {
        return deliverRun(experimentId, outboxId, run, Map.of(), ArtifactFiles.NONE);
    }

    /**
     * Delivers a run exactly once per outbox record, as {@link #deliverRun(String, String, RunRecord)},
     * with the platform's own tags (such as {@code mlflow.user}, {@code mlflow.parentRunId} and
     * Cairn's tenant tags, which win over the plugin's) and the run's dataset inputs, metric series
     * and artefacts. Logging again into an unfinished run duplicates nothing: MLflow keeps one copy
     * of a metric point (same key, value, step and timestamp) and one input per dataset name and
     * digest, and an artefact uploaded again replaces the first copy.
     *
     * @return the MLflow run id
     */
    public String deliverRun(String experimentId, String outboxId, RunRecord run, Map<String, String> platformTags,
                             ArtifactFiles files) {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(outboxId, "outboxId");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(platformTags, "platformTags");
        Objects.requireNonNull(files, "files");
        List<RunInfo> earlier = findRunsByOutboxTag(experimentId, outboxId);
        Optional<RunInfo> finished = earlier.stream()
                .filter(info -> info.getStatus() == RunStatus.FINISHED)
                .findFirst();
        if (finished.isPresent()) {
            return finished.get().getRunId();
        }
        Optional<RunInfo> unfinished = earlier.stream()
                .filter(info -> "active".equals(info.getLifecycleStage()))
                .min(Comparator.comparingLong(RunInfo::getStartTime));

        String runId;
        long startTime;
        if (unfinished.isPresent()) {
            runId = unfinished.get().getRunId();
            startTime = unfinished.get().getStartTime();
        } else {
            startTime = System.currentTimeMillis();
            CreateRun.Builder request = CreateRun.newBuilder()
                    .setExperimentId(experimentId)
                    .setRunName(run.name())
                    .setStartTime(startTime)
                    .addTags(tag(OUTBOX_TAG, outboxId));
            Optional.ofNullable(platformTags.get(USER_TAG)).ifPresent(request::setUserId);
            allTags(run, platformTags).forEach((key, value) -> request.addTags(tag(key, value)));
            runId = createRunOrFindIt(experimentId, outboxId, request.build());
        }
        logData(runId, run, platformTags, startTime);
        logInputs(runId, run.inputs());
        uploadArtifacts(runId, run.artifacts(), files);
        call("finish run " + runId, () -> {
            client.setTerminated(runId, RunStatus.FINISHED, System.currentTimeMillis());
            return null;
        });
        return runId;
    }

    /** Every run of the experiment (active or deleted) tagged with the outbox record's id. */
    public List<RunInfo> findRunsByOutboxTag(String experimentId, String outboxId) {
        String filter = "tags.\"" + OUTBOX_TAG + "\" = " + filterLiteral(outboxId);
        return call("search runs of experiment " + experimentId + " for outbox record " + outboxId,
                () -> client.searchRuns(List.of(experimentId), filter, ViewType.ALL, SEARCH_PAGE_SIZE)
                        .getItems().stream()
                        .filter(found -> outboxId.equals(tagValue(found, OUTBOX_TAG))) // belt and braces
                        .map(Run::getInfo)
                        .toList());
    }

    /**
     * Creates the run once. A failed creation may still have happened (a 5xx or a lost answer after
     * MLflow stored it; see {@link FailedPostsAreNotResent}), so the run is looked up by its outbox
     * tag before the failure is reported: idempotent by the tag, never by sending it again.
     */
    private String createRunOrFindIt(String experimentId, String outboxId, CreateRun request) {
        try {
            return call("create run '" + request.getRunName() + "' in experiment " + experimentId,
                    () -> client.createRun(request).getRunId());
        } catch (TrackingUnavailableException failure) {
            try {
                Optional<RunInfo> created = findRunsByOutboxTag(experimentId, outboxId).stream()
                        .filter(info -> "active".equals(info.getLifecycleStage()))
                        .min(Comparator.comparingLong(RunInfo::getStartTime));
                if (created.isPresent()) {
                    log.info("Creating run for outbox record {} failed ambiguously, but MLflow has it: {}",
                            outboxId, created.get().getRunId());
                    return created.get().getRunId();
                }
            } catch (TrackingUnavailableException lookup) {
                failure.addSuppressed(lookup);
            }
            throw failure;
        }
    }

    /** Records the run's dataset inputs (runs/log-inputs); MLflow keeps one input per run, name and digest. */
    private void logInputs(String runId, List<DatasetInput> inputs) {
        if (inputs.isEmpty()) {
            return;
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (DatasetInput input : inputs) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("name", input.name());
            dataset.put("digest", input.digest().length() > MLFLOW_MAX_DIGEST
                    ? input.digest().substring(0, MLFLOW_MAX_DIGEST) : input.digest());
            dataset.put("source_type", "cairn");
            dataset.put("source", input.source());
            input.schema().ifPresent(schema -> dataset.put("schema", schema));
            input.profile().ifPresent(profile -> dataset.put("profile", profile));
            List<Map<String, String>> tags = new ArrayList<>();
            tags.add(Map.of("key", DATA_CONTEXT_TAG, "value", input.context().tag()));
            if (input.digest().length() > MLFLOW_MAX_DIGEST) {
                tags.add(Map.of("key", FULL_DIGEST_TAG, "value", input.digest()));
            }
            datasets.add(Map.of("tags", tags, "dataset", dataset));
        }
        call("log dataset inputs to run " + runId, () -> rest.post("runs/log-inputs", Map.of("run_id", runId, "datasets", datasets)));
    }

    /**
     * Uploads each artefact through the server's artefact proxy, streamed from its stored file.
     * The run's artefact URI says where (mlflow-artifacts:/[workspaces/ws/]experiment/run/artifacts).
     */
    private void uploadArtifacts(String runId, List<RunArtifact> artifacts, ArtifactFiles files) {
        if (artifacts.isEmpty()) {
            return;
        }
        String root = call("read run " + runId, () -> client.getRun(runId).getInfo().getArtifactUri());
        String base = proxiedPath(root);
        for (RunArtifact artifact : artifacts) {
            call("upload artifact '" + artifact.artifactPath() + "' of run " + runId, () -> {
                ArtifactFiles.Content content = files.open(artifact.fileId());
                try (var stream = content.stream()) {
                    rest.upload(base + "/" + artifact.artifactPath(), stream, content.length());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
        }
    }

    /** The path below the artefact proxy of an {@code mlflow-artifacts:} URI; other stores are not proxied. */
    static String proxiedPath(String artifactUri) {
        String scheme = "mlflow-artifacts:";
        if (artifactUri == null || !artifactUri.startsWith(scheme)) {
            throw new IllegalStateException("The MLflow server does not proxy artefacts (run artefact URI " + artifactUri
                    + "); start it with --serve-artifacts (the default) and an --artifacts-destination");
        }
        String path = artifactUri.substring(scheme.length());
        if (path.startsWith("//")) { // mlflow-artifacts://host:port/path
            int slash = path.indexOf('/', 2);
            path = slash < 0 ? "" : path.substring(slash);
        }
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    /** Whether the server keeps workspaces; asks it the first time (a call that may fail). */
    public boolean workspacesEnabled() {
        return attempt("ask whether the server has workspaces", workspaces::enabled);
    }

    /**
     * Registers the run's artefact as a version of the registered model, exactly once per outbox
     * record: the model is created if missing, and a version of that run already tagged with the
     * outbox id is returned instead of a second one (also after an ambiguous failure).
     *
     * @return the version number
     */
    public String registerModelVersion(String modelName, Map<String, String> modelTags, String runId, String artifactPath,
                                       String outboxId, Map<String, String> versionTags) {
        call("create registered model '" + modelName + "'", () -> {
            try {
                rest.post("registered-models/create", Map.of("name", modelName, "tags", tagList(modelTags)));
            } catch (MlflowHttpException e) {
                if (!isAlreadyExists(e)) {
                    throw e;
                }
            }
            return null;
        });
        Optional<String> existing = findVersionByOutboxTag(modelName, runId, outboxId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, String> tags = new TreeMap<>(versionTags);
        tags.put(OUTBOX_TAG, outboxId);
        try {
            return call("create version of model '" + modelName + "' from run " + runId, () -> rest.post("model-versions/create",
                    Map.of("name", modelName, "source", "runs:/" + runId + "/" + artifactPath, "run_id", runId, "tags", tagList(tags)))
                    .path("model_version").path("version").asString());
        } catch (TrackingUnavailableException failure) {
            Optional<String> created = findVersionByOutboxTag(modelName, runId, outboxId);
            if (created.isPresent()) {
                return created.get();
            }
            throw failure;
        }
    }

    private Optional<String> findVersionByOutboxTag(String modelName, String runId, String outboxId) {
        String filter = "name = " + filterLiteral(modelName) + " and run_id = " + filterLiteral(runId);
        JsonNode found = call("search versions of model '" + modelName + "'", () -> rest.get("model-versions/search",
                Map.of("filter", filter, "max_results", MODEL_VERSION_SEARCH_PAGE)));
        for (JsonNode version : found.path("model_versions")) {
            if (outboxId.equals(tagsOf(version).get(OUTBOX_TAG))) {
                return Optional.of(version.path("version").asString());
            }
        }
        return Optional.empty();
    }

    /** Points the alias at the version (moving it from any other); MLflow confirms before this returns. */
    public void setAlias(String modelName, String alias, String version) {
        call("set alias '" + alias + "' of model '" + modelName + "' to version " + version, () ->
                rest.post("registered-models/alias", Map.of("name", modelName, "alias", alias, "version", version)));
    }

    public void deleteAlias(String modelName, String alias) {
        call("delete alias '" + alias + "' of model '" + modelName + "'", () -> {
            rest.delete("registered-models/alias", Map.of("name", modelName, "alias", alias));
            return null;
        });
    }

    /** The version the alias points at; empty when the model or alias does not exist (in this workspace). */
    public Optional<ModelVersion> versionByAlias(String modelName, String alias) {
        return call("look up alias '" + alias + "' of model '" + modelName + "'", () ->
                rest.getIfFound("registered-models/alias", Map.of("name", modelName, "alias", alias))
                        .map(answer -> modelVersion(answer.path("model_version"))));
    }

    public void setVersionTag(String modelName, String version, String key, String value) {
        call("set tag '" + key + "' on version " + version + " of model '" + modelName + "'", () ->
                rest.post("model-versions/set-tag", Map.of("name", modelName, "version", version, "key", key, "value", value)));
    }

    private static ModelVersion modelVersion(JsonNode version) {
        Set<String> aliases = new HashSet<>();
        version.path("aliases").forEach(alias -> aliases.add(alias.asString()));
        return new ModelVersion(version.path("name").asString(), version.path("version").asString(),
                version.path("run_id").asString(), version.path("source").asString(), tagsOf(version), aliases);
    }

    private static Map<String, String> tagsOf(JsonNode entity) {
        Map<String, String> tags = new HashMap<>();
        entity.path("tags").forEach(tag -> tags.put(tag.path("key").asString(), tag.path("value").asString()));
        return tags;
    }

    private static List<Map<String, String>> tagList(Map<String, String> tags) {
        List<Map<String, String>> list = new ArrayList<>();
        new TreeMap<>(tags).forEach((key, value) -> list.add(Map.of("key", key, "value", value)));
        return list;
    }

    /**
     * Whether the server answers a cheap authenticated API call within the timeout. Needs no
     * workspace (it runs outside any tenant): lists workspaces where the server has them. Never throws.
     */
    public boolean isReachable() {
        try {
            if (workspaces.enabled()) {
                workspaces.list();
            } else {
                client.sendGet("experiments/search?max_results=1");
            }
            return true;
        } catch (RuntimeException e) {
            log.debug("MLflow at {} is not reachable", trackingUri, e);
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * Logs params, metrics (step 0, timestamp = run start so that logging again is idempotent) and
     * tags, in chunks within MLflow's log-batch limits.
     */
    private void logData(String runId, RunRecord run, Map<String, String> platformTags, long timestamp) {
        List<Param> params = new ArrayList<>();
        new TreeMap<>(run.params()).forEach((key, value) ->
                params.add(Param.newBuilder().setKey(key).setValue(value).build()));
        List<Metric> metrics = new ArrayList<>();
        new TreeMap<>(run.metrics()).forEach((key, value) -> metrics.add(Metric.newBuilder()
                .setKey(key).setValue(value).setTimestamp(timestamp).setStep(0).build()));
        for (MetricPoint point : run.metricSeries()) {
            metrics.add(Metric.newBuilder().setKey(point.key()).setValue(point.value())
                    .setTimestamp(point.timestamp().toEpochMilli()).setStep(point.step()).build());
        }
        List<RunTag> tags = new ArrayList<>();
        allTags(run, platformTags).forEach((key, value) -> tags.add(tag(key, value)));

        for (List<Param> chunk : chunks(params, MAX_PARAMS_PER_BATCH)) {
            logBatch(runId, List.of(), chunk, List.of());
        }
        for (List<Metric> chunk : chunks(metrics, MAX_METRICS_PER_BATCH)) {
            logBatch(runId, chunk, List.of(), List.of());
        }
        for (List<RunTag> chunk : chunks(tags, MAX_TAGS_PER_BATCH)) {
            logBatch(runId, List.of(), List.of(), chunk);
        }
    }

    private void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        call("log batch to run " + runId, () -> {
            client.logBatch(runId, metrics, params, tags);
            return null;
        });
    }

    /**
     * Runs one request in the caller's workspace: asks the server once whether it has workspaces,
     * and makes sure the caller's workspace exists first. A caller without a workspace gets the
     * resolver's exception as it is (a programming or scoping error, not an outage).
     */
    private <T> T call(String action, Supplier<T> request) {
        if (attempt("ask whether the server has workspaces", workspaces::enabled)) {
            String workspace = workspaces.current();
            attempt("create workspace '" + workspace + "'", () -> {
                workspaces.ensure(workspace);
                return null;
            });
        }
        return attempt(action, request);
    }

    private <T> T attempt(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (MlflowHttpException e) {
            throw new TrackingUnavailableException(trackingUri,
                    action + " failed with HTTP " + e.getStatusCode() + ": " + e.getBodyMessage(), e, e.getStatusCode());
        } catch (RuntimeException e) {
            throw new TrackingUnavailableException(trackingUri, action + " failed: " + describe(e), e);
        }
    }

    private String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return "no answer within " + timeout + " (" + t + ")";
            }
            if (t instanceof ConnectException) {
                return "connection refused (" + t.getMessage() + ")";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure + " caused by " + root;
    }

    private static boolean isAlreadyExists(MlflowHttpException e) {
        String body = e.getBodyMessage();
        return body != null && body.contains("RESOURCE_ALREADY_EXISTS");
    }

    /** The record's tags and the platform's (which win), sorted, minus any attempt to overwrite the outbox tag. */
    private static Map<String, String> allTags(RunRecord run, Map<String, String> platformTags) {
        Map<String, String> tags = new TreeMap<>(run.tags());
        tags.putAll(platformTags);
        tags.remove(OUTBOX_TAG);
        return tags;
    }

    private static String tagValue(Run run, String key) {
        return run.getData().getTagsList().stream()
                .filter(tag -> key.equals(tag.getKey()))
                .map(RunTag::getValue)
                .findFirst()
                .orElse(null);
    }

    private static RunTag tag(String key, String value) {
        return RunTag.newBuilder().setKey(key).setValue(value).build();
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }

    /**
     * Quotes a value for an MLflow search filter. MLflow's filter parser has no escape sequences:
     * it takes the text between the quotes literally, and a backslash before a quote hides that
     * quote. So a value is wrapped in single quotes, or in double quotes if it holds a single quote;
     * a value that neither can represent is rejected.
     */
    static String filterLiteral(String value) {
        for (char quote : new char[] {'\'', '"'}) {
            if (value.indexOf(quote) < 0 && !value.endsWith("\\")) {
                return quote + value + quote;
            }
        }
        throw new IllegalArgumentException("value cannot be expressed in an MLflow search filter: " + value);
    }

    private static CloseableHttpClient httpClient(Duration timeout, MlflowRequestHeaders headers) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectTimeout(millis)
                .setConnectionRequestTimeout(millis)
                .setSocketTimeout(millis)
                .build();
        return HttpClientBuilder.create()
                .setDefaultRequestConfig(requestConfig)
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(millis).build())
                .addInterceptorLast(new FailedPostsAreNotResent())
                .addInterceptorLast(headers)
                .build();
    }

    private static void installHttpClient(MlflowClient client, CloseableHttpClient httpClient) {
        try {
            Field callerField = MlflowClient.class.getDeclaredField("httpCaller");
            callerField.setAccessible(true);
            Object caller = callerField.get(client);
            Field httpClientField = caller.getClass().getDeclaredField("httpClient");
            httpClientField.setAccessible(true);
            if (httpClientField.get(caller) != null) {
                throw new IllegalStateException("mlflow-client already created its HTTP client");
            }
            httpClientField.set(caller, httpClient);
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                httpClient.close();
            } catch (IOException ignored) {
                // nothing was sent through it
            }
            throw new IllegalStateException(
                    "Cannot install HTTP timeouts into mlflow-client (internals changed?): " + e, e);
        }
    }
}
