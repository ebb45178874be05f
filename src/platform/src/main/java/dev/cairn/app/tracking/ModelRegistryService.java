package dev.cairn.app.tracking;

import static dev.cairn.app.db.Tables.TRACKING_OUTBOX;

import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.api.tracking.ModelRegistry;
import dev.cairn.api.tracking.ModelVersion;
import dev.cairn.api.tracking.TrackingUnavailable;
import dev.cairn.app.db.tables.records.TrackingOutboxRecord;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.app.tracking.OutboxPayloads.RegistrationPayload;
import dev.cairn.app.tracking.mlflow.MlflowGateway;
import dev.cairn.app.tracking.mlflow.TrackingUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry facade (ADR 0015). Registrations are queued in the outbox like runs and delivered
 * after the run they come from; aliases, version tags and look-ups go to MLflow at once, in the
 * tenant's workspace or under the tenant's prefixed model name ({@link ModelNames}).
 */
@Service
public class ModelRegistryService implements ModelRegistry {

    private final TrackingService tracking;
    private final OutboxPayloads payloads;
    private final TenantDb db;
    private final ProjectDirectory projects;
    private final ObjectProvider<MlflowGateway> gateway;

    ModelRegistryService(TrackingService tracking, OutboxPayloads payloads, TenantDb db, @Lazy ProjectDirectory projects,
                         ObjectProvider<MlflowGateway> gateway) {
        this.tracking = tracking;
        this.payloads = payloads;
        this.db = db;
        this.projects = projects;
        this.gateway = gateway;
    }

    @Override
    @Transactional
    public UUID registerVersion(UUID projectId, UUID run, String artifactPath, String modelName, Map<String, String> tags) {
        projects.require(projectId);
        ModelNames.checkName(modelName);
        RunRecords.checkArtifactPath(artifactPath);
        checkTags(tags);
        tracking.requireRun(projectId, run, "Run");
        return tracking.enqueueFor(projectId, OutboxKind.REGISTER_MODEL_VERSION,
                payloads.registration(new RegistrationPayload(run, artifactPath, modelName, tags)));
    }

    @Override
    public Optional<String> registeredVersion(UUID projectId, UUID registration) {
        projects.require(projectId);
        TrackingOutboxRecord record = db.fetchOptional(TRACKING_OUTBOX, TRACKING_OUTBOX.ID.eq(registration)
                        .and(TRACKING_OUTBOX.PROJECT_ID.eq(projectId))
                        .and(TRACKING_OUTBOX.KIND.eq(OutboxKind.REGISTER_MODEL_VERSION.name())))
                .orElseThrow(() -> new NotFoundException("Model registration " + registration));
        return OutboxStatus.SENT.equals(record.getStatus()) ? Optional.ofNullable(record.getMlflowId()) : Optional.empty();
    }

    @Override
    public void setAlias(UUID projectId, String modelName, String alias, String version) {
        ModelNames.checkAlias(alias);
        ModelNames.checkVersion(version);
        inMlflow(projectId, modelName, (mlflow, name) -> {
            mlflow.setAlias(name, alias, version);
            return null;
        });
    }

    @Override
    public void deleteAlias(UUID projectId, String modelName, String alias) {
        ModelNames.checkAlias(alias);
        inMlflow(projectId, modelName, (mlflow, name) -> {
            mlflow.deleteAlias(name, alias);
            return null;
        });
    }

    @Override
    public Optional<ModelVersion> versionByAlias(UUID projectId, String modelName, String alias) {
        ModelNames.checkAlias(alias);
        return inMlflow(projectId, modelName, (mlflow, name) -> mlflow.versionByAlias(name, alias)
                .map(found -> new ModelVersion(modelName, found.version(), found.runId(), found.source(), found.tags(),
                        found.aliases())));
    }

    @Override
    public void setVersionTag(UUID projectId, String modelName, String version, String key, String value) {
        ModelNames.checkVersion(version);
        checkTags(Map.of(key, value));
        inMlflow(projectId, modelName, (mlflow, name) -> {
            mlflow.setVersionTag(name, version, key, value);
            return null;
        });
    }

    /** Model tags set on the registered model when it is created: which tenant it belongs to. */
    static Map<String, String> modelTags(UUID tenantId) {
        return Map.of("cairn.tenant", tenantId.toString());
    }

    /** The plugin's tags: MLflow's key rules, and the platform's prefixes are not theirs to set. */
    private static void checkTags(Map<String, String> tags) {
        tags.forEach((key, value) -> {
            if (key == null || !key.matches("[\\w./\\- ]{1,250}")) {
                throw new IllegalArgumentException("Invalid tag name '" + key + "': use letters, digits, _ - . / and spaces.");
            }
            if (RunRecords.reserved(key)) {
                throw new IllegalArgumentException("Tag " + key + " is reserved: the platform sets cairn.* and mlflow.* tags.");
            }
            if (value == null || value.length() > RunRecords.MAX_TAG_VALUE) {
                throw new IllegalArgumentException("Value of tag " + key + " must have at most " + RunRecords.MAX_TAG_VALUE + " characters.");
            }
        });
    }

    private interface RegistryCall<T> {
        T apply(MlflowGateway mlflow, String mlflowName);
    }

    /** Runs a synchronous registry call for the tenant in scope; MLflow's failures become {@link TrackingUnavailable}. */
    private <T> T inMlflow(UUID projectId, String modelName, RegistryCall<T> call) {
        projects.require(projectId);
        ModelNames.checkName(modelName);
        MlflowGateway mlflow = gateway.getIfAvailable();
        if (mlflow == null) {
            throw new TrackingUnavailable("MLflow is not connected (cairn.mlflow.tracking-uri is empty): the registry "
                    + "cannot be changed or read", null);
        }
        try {
            String name = ModelNames.inMlflow(TenantScope.require(), modelName, mlflow.workspacesEnabled());
            return call.apply(mlflow, name);
        } catch (TrackingUnavailableException e) {
            if (e.notFound()) {
                throw new NotFoundException("Model '" + modelName + "' (or that version of it)");
            }
            throw new TrackingUnavailable(e.getMessage(), e);
        }
    }

}
