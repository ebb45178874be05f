package dev.cairn.app.tracking.mlflow;

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
import java.util.List;
import java.util.Map;
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
 * travel only as protobuf fields that the client serializes; no JSON is assembled by hand.
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
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(outboxId, "outboxId");
        Objects.requireNonNull(run, "run");
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
            userTags(run).forEach((key, value) -> request.addTags(tag(key, value)));
            runId = createRunOrFindIt(experimentId, outboxId, request.build());
        }
        logData(runId, run, startTime);
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
    private void logData(String runId, RunRecord run, long timestamp) {
        List<Param> params = new ArrayList<>();
        new TreeMap<>(run.params()).forEach((key, value) ->
                params.add(Param.newBuilder().setKey(key).setValue(value).build()));
        List<Metric> metrics = new ArrayList<>();
        new TreeMap<>(run.metrics()).forEach((key, value) -> metrics.add(Metric.newBuilder()
                .setKey(key).setValue(value).setTimestamp(timestamp).setStep(0).build()));
        List<RunTag> tags = new ArrayList<>();
        userTags(run).forEach((key, value) -> tags.add(tag(key, value)));

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
                    action + " failed with HTTP " + e.getStatusCode() + ": " + e.getBodyMessage(), e);
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

    /** The record's tags, sorted, minus any attempt to overwrite the outbox tag. */
    private static Map<String, String> userTags(RunRecord run) {
        Map<String, String> tags = new TreeMap<>(run.tags());
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
