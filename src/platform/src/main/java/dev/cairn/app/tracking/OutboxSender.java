package dev.cairn.app.tracking;

import static dev.cairn.app.db.Tables.PROJECT;
import static dev.cairn.app.db.Tables.TRACKING_EXPERIMENT;
import static dev.cairn.app.db.Tables.TRACKING_OUTBOX;

import dev.cairn.api.files.FileStore;
import dev.cairn.api.tracking.RunRecord;
import dev.cairn.app.db.tables.records.TrackingOutboxRecord;
import dev.cairn.app.tracking.OutboxPayloads.RegistrationPayload;
import dev.cairn.app.tracking.OutboxPayloads.RunPayload;
import dev.cairn.app.tracking.mlflow.ArtifactFiles;
import dev.cairn.app.jobs.NodeIdentity;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.app.tracking.mlflow.MlflowGateway;
import dev.cairn.app.tracking.mlflow.TrackingUnavailableException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Delivers outbox records to MLflow in order, with exponential back-off while MLflow is down.
 *
 * <p>Exactly once, with any number of senders: a sender first claims a record in the database (a
 * conditional update that only one sender wins, valid for {@code cairn.outbox.claim-lease}), so two
 * nodes never deliver one record at the same time. Delivery is also idempotent on the MLflow side
 * (experiments by name, runs by their cairn.outbox_id tag), so a sender that dies after MLflow
 * accepted a record and before marking it sent, or whose lease ran out, leaves a record that the
 * next sender delivers without creating a second run.
 *
 * <p>The sender scans all tenants' outboxes (a platform task) and handles each record inside the
 * tenant of the record itself. It runs on its own thread: a slow MLflow delays only the outbox.
 */
@Component
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

    private final DSLContext dsl;
    private final OutboxPayloads payloads;
    private final MlflowConnection connection;
    private final MlflowProperties properties;
    private final OutboxProperties outbox;
    private final String node;
    private final MlflowGateway gateway;
    private final FileStore files;
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService scheduler;

    @Autowired
    OutboxSender(DSLContext dsl, OutboxPayloads payloads, MlflowConnection connection, MlflowProperties properties,
                 OutboxProperties outbox, NodeIdentity node, ObjectProvider<MlflowGateway> gateway, @Lazy FileStore files) {
        this(dsl, payloads, connection, properties, outbox, node.id(), gateway.getIfAvailable(), files);
    }

    /** A sender under the given node name; tests use it to play a second node. */
    OutboxSender(DSLContext dsl, OutboxPayloads payloads, MlflowConnection connection, MlflowProperties properties,
                 OutboxProperties outbox, String node, MlflowGateway gateway, FileStore files) {
        this.dsl = dsl;
        this.payloads = payloads;
        this.connection = connection;
        this.properties = properties;
        this.outbox = outbox;
        this.node = node;
        this.gateway = gateway; // MlflowConfiguration: credentials and the tenant's workspace
        this.files = files;
    }

    /** Starts the periodic passes on the sender's own thread once the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (gateway == null || scheduler != null) {
            return;
        }
        long interval = properties.sendInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cairn-outbox-sender").daemon().factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sendDue();
            } catch (RuntimeException e) { // a scheduled task that throws is never run again
                LOG.warn("Outbox pass failed; trying again in {}", properties.sendInterval(), e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One pass over the due records; returns how many were delivered. Safe to call from tests. */
    public int sendDue() {
        if (gateway == null || !running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int delivered = 0;
            for (TrackingOutboxRecord record : due()) {
                // The claim is written in the record's own tenant, like its delivery.
                if (!TenantScope.callAs(record.getTenantId(), () -> claim(record))) {
                    continue; // another sender has it
                }
                if (!TenantScope.callAs(record.getTenantId(), () -> deliver(record))) {
                    break;
                }
                delivered++;
            }
            if (delivered == 0 && !connection.reachable()) {
                connection.markReachable(gateway.isReachable());
            }
            return delivered;
        } finally {
            running.set(false);
        }
    }

    private List<TrackingOutboxRecord> due() {
        return TenantScope.callAsPlatform(() -> dsl.selectFrom(TRACKING_OUTBOX)
                .where(TRACKING_OUTBOX.STATUS.eq(OutboxStatus.PENDING))
                .and(TRACKING_OUTBOX.NEXT_ATTEMPT_AT.le(now()))
                .and(unclaimed())
                .orderBy(TRACKING_OUTBOX.CREATED_AT, TRACKING_OUTBOX.ID)
                .limit(BATCH)
                .fetch());
    }

    /** Takes the record for this sender, unless another sender holds a live claim or it was delivered meanwhile. */
    private boolean claim(TrackingOutboxRecord record) {
        return dsl.update(TRACKING_OUTBOX)
                .set(TRACKING_OUTBOX.CLAIMED_BY, node)
                .set(TRACKING_OUTBOX.CLAIM_EXPIRES_AT, now().plus(outbox.claimLease()))
                .where(TRACKING_OUTBOX.ID.eq(record.getId()))
                .and(TRACKING_OUTBOX.STATUS.eq(OutboxStatus.PENDING))
                .and(unclaimed())
                .execute() == 1;
    }

    private static Condition unclaimed() {
        return TRACKING_OUTBOX.CLAIMED_BY.isNull().or(TRACKING_OUTBOX.CLAIM_EXPIRES_AT.lt(now()));
    }

    private Condition claimedHere(TrackingOutboxRecord record) {
        return TRACKING_OUTBOX.ID.eq(record.getId()).and(TRACKING_OUTBOX.CLAIMED_BY.eq(node));
    }

    /** Delivers one claimed record; false when MLflow is unavailable (the pass stops, order is kept). */
    private boolean deliver(TrackingOutboxRecord record) {
        try {
            String mlflowId = switch (OutboxKind.valueOf(record.getKind())) {
                case CREATE_EXPERIMENT -> createExperiment(record);
                case LOG_RUN -> logRun(record);
                case REGISTER_MODEL_VERSION -> registerModelVersion(record);
            };
            markSent(record, mlflowId);
            connection.markReachable(true);
            return true;
        } catch (WaitingForDependencyException e) {
            // Its parent run or source run is still queued (it may sort after it): try again on the
            // next pass without counting an attempt, and let the pass go on to deliver that run.
            markWaiting(record, e.getMessage());
            return true;
        } catch (TrackingUnavailableException | NotReadyException e) {
            if (refusedForGood(e)) {
                // MLflow understood the request and refused this record (bad value, unknown
                // entity): the record waits with the reason, the records after it go on.
                LOG.warn("Outbox record {} ({}) refused by MLflow: {}", record.getId(), record.getKind(), e.getMessage());
                markRetry(record, e.getMessage());
                return true;
            }
            LOG.info("Outbox record {} ({}) waits: {}", record.getId(), record.getKind(), e.getMessage());
            connection.markReachable(!(e instanceof TrackingUnavailableException));
            markRetry(record, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.warn("Outbox record {} failed", record.getId(), e);
            markRetry(record, e.getClass().getSimpleName() + ": " + e.getMessage());
            return true;
        }
    }

    /**
     * A refusal that trying again soon will not change (MLflow answered 400 or 404 about this
     * record). Authentication, rate limits, server errors and no answer still mean "MLflow
     * unavailable": they hold the whole queue, in order.
     */
    private static boolean refusedForGood(RuntimeException failure) {
        return failure instanceof TrackingUnavailableException unavailable && unavailable.refusedForGood();
    }

    private String createExperiment(TrackingOutboxRecord record) {
        var experiment = dsl.selectFrom(TRACKING_EXPERIMENT)
                .where(TRACKING_EXPERIMENT.PROJECT_ID.eq(record.getProjectId()))
                .and(TRACKING_EXPERIMENT.TENANT_ID.eq(record.getTenantId()))
                .fetchSingle();
        String name = experiment.getExperimentName();
        if (gateway.workspacesEnabled() && name.equals(sharedName(record))) {
            // In the tenant's own workspace the tenant prefix is noise: store the readable name
            // first, so that a delivery interrupted after MLflow created it finds it by that name.
            name = readableName(record);
            dsl.update(TRACKING_EXPERIMENT).set(TRACKING_EXPERIMENT.EXPERIMENT_NAME, name)
                    .where(TRACKING_EXPERIMENT.PROJECT_ID.eq(record.getProjectId()))
                    .and(TRACKING_EXPERIMENT.TENANT_ID.eq(record.getTenantId()))
                    .execute();
        }
        String id = gateway.ensureExperiment(name, payloads.readExperiment(record.getPayload()).tags());
        dsl.update(TRACKING_EXPERIMENT).set(TRACKING_EXPERIMENT.MLFLOW_EXPERIMENT_ID, id)
                .where(TRACKING_EXPERIMENT.PROJECT_ID.eq(record.getProjectId()))
                .and(TRACKING_EXPERIMENT.TENANT_ID.eq(record.getTenantId()))
                .execute();
        return id;
    }

    /** The name the experiment was given when its project was created (the shared-namespace form). */
    private String sharedName(TrackingOutboxRecord record) {
        Map<String, String> tags = payloads.readExperiment(record.getPayload()).tags();
        return ExperimentNames.of(record.getTenantId(), tags.get("cairn.tenant_slug"), tags.get("cairn.project_key"));
    }

    private String readableName(TrackingOutboxRecord record) {
        var project = dsl.select(PROJECT.PROJECT_KEY, PROJECT.NAME).from(PROJECT)
                .where(PROJECT.ID.eq(record.getProjectId())).and(PROJECT.TENANT_ID.eq(record.getTenantId()))
                .fetchSingle();
        return ExperimentNames.readable(project.value1(), project.value2());
    }

    private String logRun(TrackingOutboxRecord record) {
        String experimentId = dsl.select(TRACKING_EXPERIMENT.MLFLOW_EXPERIMENT_ID).from(TRACKING_EXPERIMENT)
                .where(TRACKING_EXPERIMENT.PROJECT_ID.eq(record.getProjectId()))
                .and(TRACKING_EXPERIMENT.TENANT_ID.eq(record.getTenantId()))
                .fetchOptional(TRACKING_EXPERIMENT.MLFLOW_EXPERIMENT_ID)
                .orElse(null);
        if (experimentId == null) {
            throw new NotReadyException("Waiting for the project's experiment to be created");
        }
        RunPayload payload = payloads.readRun(record.getPayload());
        RunRecord run = payload.run();
        // The platform's tags, written over anything a plugin might have slipped past validation.
        Map<String, String> platformTags = new TreeMap<>();
        platformTags.put("cairn.tenant", record.getTenantId().toString());
        platformTags.put("cairn.project", record.getProjectId().toString());
        payload.starter().ifPresent(user -> platformTags.put(MlflowGateway.USER_TAG, user));
        run.parentRun().ifPresent(parent -> platformTags.put(MlflowGateway.PARENT_TAG, deliveredRunId(parent, "parent run")));
        return gateway.deliverRun(experimentId, record.getId().toString(), run, platformTags, storedFiles());
    }

    private String registerModelVersion(TrackingOutboxRecord record) {
        RegistrationPayload registration = payloads.readRegistration(record.getPayload());
        String runId = deliveredRunId(registration.run(), "run");
        String name = ModelNames.inMlflow(record.getTenantId(), registration.modelName(), gateway.workspacesEnabled());
        return gateway.registerModelVersion(name, ModelRegistryService.modelTags(record.getTenantId()), runId,
                registration.artifactPath(), record.getId().toString(), registration.tags());
    }

    /** The MLflow id of a run record of the same tenant; not ready while that run waits for delivery itself. */
    private String deliveredRunId(UUID runRecord, String what) {
        return dsl.select(TRACKING_OUTBOX.MLFLOW_ID).from(TRACKING_OUTBOX)
                .where(TRACKING_OUTBOX.ID.eq(runRecord)).and(TRACKING_OUTBOX.STATUS.eq(OutboxStatus.SENT))
                .fetchOptional(TRACKING_OUTBOX.MLFLOW_ID)
                .orElseThrow(() -> new WaitingForDependencyException("Waiting for the " + what + " " + runRecord + " to reach MLflow"));
    }

    /** Artefacts are streamed from the tenant's file store (the sender runs in the record's tenant). */
    private ArtifactFiles storedFiles() {
        return fileId -> new ArtifactFiles.Content(files.open(fileId), files.metadata(fileId).sizeBytes());
    }

    /** Marks the record sent and releases the claim; a no-op if the lease ran out and another sender took over. */
    private void markSent(TrackingOutboxRecord record, String mlflowId) {
        dsl.update(TRACKING_OUTBOX)
                .set(TRACKING_OUTBOX.STATUS, OutboxStatus.SENT)
                .set(TRACKING_OUTBOX.MLFLOW_ID, mlflowId)
                .set(TRACKING_OUTBOX.SENT_AT, now())
                .set(TRACKING_OUTBOX.ATTEMPTS, record.getAttempts() + 1)
                .setNull(TRACKING_OUTBOX.LAST_ERROR)
                .setNull(TRACKING_OUTBOX.CLAIMED_BY)
                .setNull(TRACKING_OUTBOX.CLAIM_EXPIRES_AT)
                .where(claimedHere(record))
                .execute();
    }

    private void markRetry(TrackingOutboxRecord record, String error) {
        int attempts = record.getAttempts() + 1;
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(attempts, 10));
        dsl.update(TRACKING_OUTBOX)
                .set(TRACKING_OUTBOX.ATTEMPTS, attempts)
                .set(TRACKING_OUTBOX.LAST_ERROR, error == null ? null : error.substring(0, Math.min(error.length(), 1000)))
                .set(TRACKING_OUTBOX.NEXT_ATTEMPT_AT, now().plusSeconds(seconds))
                .setNull(TRACKING_OUTBOX.CLAIMED_BY)
                .setNull(TRACKING_OUTBOX.CLAIM_EXPIRES_AT)
                .where(claimedHere(record))
                .execute();
    }

    /** Releases the claim, due again at once, attempts unchanged. */
    private void markWaiting(TrackingOutboxRecord record, String reason) {
        dsl.update(TRACKING_OUTBOX)
                .set(TRACKING_OUTBOX.LAST_ERROR, reason)
                .set(TRACKING_OUTBOX.NEXT_ATTEMPT_AT, now())
                .setNull(TRACKING_OUTBOX.CLAIMED_BY)
                .setNull(TRACKING_OUTBOX.CLAIM_EXPIRES_AT)
                .where(claimedHere(record))
                .execute();
    }

    /** Makes every pending record due now (used when MLflow is known to be back, and by tests). */
    public void retryNow() {
        TenantScope.runAsPlatform(() -> dsl.update(TRACKING_OUTBOX).set(TRACKING_OUTBOX.NEXT_ATTEMPT_AT, now())
                .where(TRACKING_OUTBOX.STATUS.eq(OutboxStatus.PENDING)).execute());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The project's experiment is not in MLflow yet: the pass stops, order is kept. */
    private static final class NotReadyException extends RuntimeException {
        NotReadyException(String message) {
            super(message);
        }
    }

    /** The record needs another record (a parent or source run) to be delivered first. */
    private static final class WaitingForDependencyException extends RuntimeException {
        WaitingForDependencyException(String message) {
            super(message);
        }
    }
}
