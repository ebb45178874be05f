package dev.cairn.app.tracking;

import static dev.cairn.app.db.Tables.TENANT;
import static dev.cairn.app.db.Tables.TRACKING_EXPERIMENT;
import static dev.cairn.app.db.Tables.TRACKING_OUTBOX;

import dev.cairn.api.files.FileStore;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.security.CurrentUser;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tracking.RunArtifact;
import dev.cairn.api.tracking.ExperimentTracking;
import dev.cairn.api.tracking.RunRecord;
import dev.cairn.api.tracking.TrackingStatus;
import dev.cairn.api.tracking.TrackingStatus.State;
import dev.cairn.app.db.tables.records.TrackingExperimentRecord;
import dev.cairn.app.db.tables.records.TrackingOutboxRecord;
import dev.cairn.app.tracking.OutboxPayloads.RunPayload;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.api.tenancy.TenantDb;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tracking facade. Every record goes to the outbox in the caller's transaction; the
 * {@link OutboxSender} delivers it to MLflow later, so nothing waits on MLflow and nothing is lost
 * while it is down.
 */
@Service
public class TrackingService implements ExperimentTracking {

    private final TenantDb db;
    private final DSLContext dsl;
    private final OutboxPayloads payloads;
    private final MlflowProperties properties;
    private final MlflowConnection connection;
    private final ProjectDirectory projects;
    private final MlflowLinks links;
    private final CurrentUser currentUser;
    private final FileStore files;

    TrackingService(TenantDb db, DSLContext dsl, OutboxPayloads payloads, MlflowProperties properties,
                    MlflowConnection connection, @Lazy ProjectDirectory projects, MlflowLinks links,
                    CurrentUser currentUser, @Lazy FileStore files) {
        this.db = db;
        this.dsl = dsl;
        this.payloads = payloads;
        this.properties = properties;
        this.connection = connection;
        this.projects = projects;
        this.links = links;
        this.currentUser = currentUser;
        this.files = files;
    }

    /** Called when a project is created: names its experiment after the tenant and queues its creation. */
    @Transactional
    public void createExperimentFor(UUID projectId, String projectKey) {
        UUID tenantId = TenantScope.require();
        String slug = dsl.select(TENANT.SLUG).from(TENANT).where(TENANT.ID.eq(tenantId)).fetchOne(TENANT.SLUG);
        TrackingExperimentRecord experiment = db.newRecord(TRACKING_EXPERIMENT);
        experiment.setProjectId(projectId);
        experiment.setExperimentName(ExperimentNames.of(tenantId, slug, projectKey));
        db.insert(experiment);
        enqueue(projectId, OutboxKind.CREATE_EXPERIMENT, payloads.experiment(tenantId, slug, projectId, projectKey));
    }

    @Override
    @Transactional
    public UUID recordRun(UUID projectId, RunRecord run) {
        projects.require(projectId);
        RunRecords.validate(run);
        run.parentRun().ifPresent(parent -> requireRun(projectId, parent, "Parent run"));
        for (RunArtifact artifact : run.artifacts()) {
            files.metadata(artifact.fileId()); // the tenant's file, or "not found" now rather than at delivery
        }
        // Who started the run is the platform's to say: the signed-in user, never the plugin's record.
        String startedBy = currentUser.get().map(CurrentUser.UserInfo::username).orElse(PLATFORM_USER);
        return enqueue(projectId, OutboxKind.LOG_RUN, payloads.run(new RunPayload(startedBy, run)));
    }

    /** {@code mlflow.user} of a run recorded with nobody signed in (a background job, a system task). */
    static final String PLATFORM_USER = "cairn";

    /** The run record (a run recorded in this project), or "not found" naming what was looked for. */
    TrackingOutboxRecord requireRun(UUID projectId, UUID runId, String what) {
        return db.fetchOptional(TRACKING_OUTBOX, TRACKING_OUTBOX.ID.eq(runId).and(TRACKING_OUTBOX.PROJECT_ID.eq(projectId))
                        .and(TRACKING_OUTBOX.KIND.eq(OutboxKind.LOG_RUN.name())))
                .orElseThrow(() -> new NotFoundException(what + " " + runId));
    }

    /** Queues a record of the project; for the registry's registrations. */
    UUID enqueueFor(UUID projectId, OutboxKind kind, String payload) {
        return enqueue(projectId, kind, payload);
    }

    @Override
    public TrackingStatus status(UUID projectId) {
        projects.require(projectId);
        int pending = db.count(TRACKING_OUTBOX, TRACKING_OUTBOX.PROJECT_ID.eq(projectId).and(TRACKING_OUTBOX.STATUS.eq(OutboxStatus.PENDING)));
        Optional<String> experimentId = db.fetchOptional(TRACKING_EXPERIMENT, TRACKING_EXPERIMENT.PROJECT_ID.eq(projectId))
                .map(TrackingExperimentRecord::getMlflowExperimentId);
        Optional<String> url = experimentId.flatMap(id -> links.experiment(TenantScope.require(), id));
        Optional<String> lastError = db.fetch(TRACKING_OUTBOX, TRACKING_OUTBOX.PROJECT_ID.eq(projectId)
                        .and(TRACKING_OUTBOX.LAST_ERROR.isNotNull()).and(TRACKING_OUTBOX.STATUS.eq(OutboxStatus.PENDING)),
                TRACKING_OUTBOX.CREATED_AT.desc()).stream().findFirst().map(TrackingOutboxRecord::getLastError);
        State state;
        if (!properties.configured() || !connection.reachable()) {
            state = State.NOT_CONNECTED;
        } else if (pending > 0) {
            state = State.PENDING;
        } else {
            state = State.IN_SYNC;
        }
        return new TrackingStatus(state, pending, url, lastError);
    }

    @Override
    public Optional<String> runUrl(UUID projectId, UUID run) {
        projects.require(projectId);
        TrackingOutboxRecord record = requireRun(projectId, run, "Run");
        if (!OutboxStatus.SENT.equals(record.getStatus())) {
            return Optional.empty();
        }
        return db.fetchOptional(TRACKING_EXPERIMENT, TRACKING_EXPERIMENT.PROJECT_ID.eq(projectId))
                .flatMap(experiment -> links.run(TenantScope.require(), experiment.getMlflowExperimentId(), record.getMlflowId()));
    }

    private UUID enqueue(UUID projectId, OutboxKind kind, String payload) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TrackingOutboxRecord record = db.newRecord(TRACKING_OUTBOX);
        record.setId(UUID.randomUUID());
        record.setProjectId(projectId);
        record.setKind(kind.name());
        record.setPayload(payload);
        record.setStatus(OutboxStatus.PENDING);
        record.setAttempts(0);
        record.setCreatedAt(now);
        record.setNextAttemptAt(now);
        db.insert(record);
        return record.getId();
    }
}
