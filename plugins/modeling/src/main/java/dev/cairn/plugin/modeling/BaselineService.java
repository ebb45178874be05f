package dev.cairn.plugin.modeling;

import dev.cairn.api.security.PermissionCheck;
import static dev.cairn.plugin.modeling.db.Tables.BASELINE;

import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.lineage.LineageQueries.ArtifactRef;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.project.ProjectDirectory;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.api.tracking.ExperimentTracking;
import dev.cairn.api.tracking.RunRecord;
import dev.cairn.plugin.modeling.db.tables.records.BaselineRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records baselines. Each one is stored, tracked as an MLflow run (through the outbox) and linked
 * in the lineage graph to the dataset it was measured on, all in one transaction.
 */
@Service
public class BaselineService {

    /** The data stage's dataset artifact type: found through the lineage API, not its tables. */
    static final String DATASET_TYPE = "data.dataset";
    private static final Pattern METRIC = Pattern.compile("[A-Za-z][A-Za-z0-9_.@-]{0,79}");

    private final TenantDb db;
    private final ProjectDirectory projects;
    private final PermissionCheck permissions;
    private final LineageRecorder lineage;
    private final LineageQueries lineageQueries;
    private final ExperimentTracking tracking;

    BaselineService(TenantDb db, ProjectDirectory projects, PermissionCheck permissions, LineageRecorder lineage,
                    LineageQueries lineageQueries, ExperimentTracking tracking) {
        this.db = db;
        this.projects = projects;
        this.permissions = permissions;
        this.lineage = lineage;
        this.lineageQueries = lineageQueries;
        this.tracking = tracking;
    }

    public List<BaselineRecord> list(UUID projectId) {
        permissions.require(ModelingPermissions.READ);
        projects.require(projectId);
        return db.fetch(BASELINE, BASELINE.PROJECT_ID.eq(projectId), BASELINE.CREATED_AT.desc());
    }

    public List<ArtifactRef> datasets(UUID projectId) {
        permissions.require(ModelingPermissions.READ);
        projects.require(projectId);
        return lineageQueries.artifacts(projectId, DATASET_TYPE);
    }

    @Transactional
    public BaselineRecord record(UUID projectId, BaselineInput input) {
        var user = permissions.require(ModelingPermissions.RECORD_BASELINE);
        projects.require(projectId);
        input.validate();
        ArtifactRef dataset = null;
        if (input.datasetArtifactId() != null) {
            dataset = datasets(projectId).stream().filter(d -> d.id().equals(input.datasetArtifactId())).findFirst()
                    .orElseThrow(() -> new NotFoundException("Dataset"));
        }
        BaselineRecord baseline = db.newRecord(BASELINE);
        baseline.setId(UUID.randomUUID());
        baseline.setProjectId(projectId);
        baseline.setName(input.name().strip());
        baseline.setMetricName(input.metricName().strip());
        baseline.setMetricValue(input.metricValue());
        baseline.setMethod(input.method().strip());
        baseline.setCreatedBy(user.username());
        baseline.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        db.insert(baseline);

        Map<String, String> params = new HashMap<>();
        params.put("method", baseline.getMethod().length() > 500 ? baseline.getMethod().substring(0, 500) : baseline.getMethod());
        if (dataset != null) {
            params.put("dataset", dataset.name());
        }
        tracking.recordRun(projectId, new RunRecord("baseline: " + baseline.getName(), params,
                Map.of(baseline.getMetricName(), baseline.getMetricValue()), Map.of("kind", "baseline")));
        UUID artifact = lineage.recordArtifact(projectId, ModelingPlugin.BASELINE_ARTIFACT, baseline.getName(), null,
                Map.of(baseline.getMetricName(), String.valueOf(baseline.getMetricValue()), "method", params.get("method")));
        lineage.recordExecution(projectId, ModelingPlugin.EVALUATION_EXECUTION, "Evaluate " + baseline.getName(),
                dataset == null ? List.of() : List.of(dataset.id()), List.of(artifact), Map.of("by", user.username()));
        return baseline;
    }

    /**
     * Corrects a baseline's name, metric, value or method. The MLflow run and the lineage recorded
     * with it stay as they were (they record what was measured then); the stored baseline, which the
     * stage gate and later stages read, changes.
     */
    @Transactional
    public BaselineRecord update(UUID projectId, UUID baselineId, BaselineInput input) {
        permissions.require(ModelingPermissions.RECORD_BASELINE);
        projects.require(projectId);
        BaselineRecord baseline = require(projectId, baselineId);
        input.validate();
        baseline.setName(input.name().strip());
        baseline.setMetricName(input.metricName().strip());
        baseline.setMetricValue(input.metricValue());
        baseline.setMethod(input.method().strip());
        db.update(baseline);
        return baseline;
    }

    @Transactional
    public void delete(UUID projectId, UUID baselineId) {
        permissions.require(ModelingPermissions.DELETE_BASELINE);
        projects.require(projectId);
        require(projectId, baselineId);
        db.delete(BASELINE, BASELINE.PROJECT_ID.eq(projectId).and(BASELINE.ID.eq(baselineId)));
    }

    /** The modeling gate: a baseline to beat is recorded. */
    public dev.cairn.api.plugin.StageGateCheck.GateResult gate(dev.cairn.api.project.ProjectRef project) {
        int count = db.count(BASELINE, BASELINE.PROJECT_ID.eq(project.id()));
        return count > 0 ? dev.cairn.api.plugin.StageGateCheck.GateResult.pass(count + " baseline(s) recorded")
                : dev.cairn.api.plugin.StageGateCheck.GateResult.fail("Record the performance a model must beat.");
    }

    private BaselineRecord require(UUID projectId, UUID baselineId) {
        return db.fetchOptional(BASELINE, BASELINE.PROJECT_ID.eq(projectId).and(BASELINE.ID.eq(baselineId)))
                .orElseThrow(() -> new NotFoundException("Baseline"));
    }

    /** What a user enters for a baseline. */
    public record BaselineInput(String name, String metricName, Double metricValue, String method, UUID datasetArtifactId) {

        void validate() {
            if (name == null || name.isBlank() || name.strip().length() > 120) {
                throw new IllegalArgumentException("Name is required (at most 120 characters).");
            }
            if (metricName == null || !METRIC.matcher(metricName.strip()).matches()) {
                throw new IllegalArgumentException("Metric must be a name like accuracy or f1_macro (letters, digits, _ . @ -).");
            }
            if (metricValue == null || metricValue.isNaN() || metricValue.isInfinite()) {
                throw new IllegalArgumentException("Value must be a finite number.");
            }
            if (dev.cairn.api.ui.Rates.isRate(metricName) && (metricValue < 0 || metricValue > 1)) {
                throw new IllegalArgumentException("Value: " + metricName.strip() + " is a rate between 0 and 1; "
                        + metricValue + " is outside (for 45 % write 0.45).");
            }
            if (method == null || method.isBlank() || method.strip().length() > 2000) {
                throw new IllegalArgumentException("Method is required (at most 2000 characters): how was this value measured?");
            }
        }
    }
}
