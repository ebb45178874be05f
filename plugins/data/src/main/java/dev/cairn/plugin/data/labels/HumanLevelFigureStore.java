package dev.cairn.plugin.data.labels;

import static dev.cairn.plugin.data.db.Tables.HUMAN_LEVEL_FIGURE;

import dev.cairn.api.audit.AuditLog;
import dev.cairn.api.data.HumanLevelFigure;
import dev.cairn.api.data.HumanLevelFigures;
import dev.cairn.api.lineage.LineageRecorder;
import dev.cairn.api.security.PermissionCheck;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.api.tenancy.TenantDb;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.db.tables.records.HumanLevelFigureRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Label reviews kept as human-level figures: the labellers' observed agreement on a version is the accuracy one person
 * reaches against another. The figure is computed again from the stored version when it is recorded (never taken
 * from the page), and goes with its version.
 */
@Service
public class HumanLevelFigureStore implements HumanLevelFigures {

    /** A recorded label review. */
    public static final String REVIEW_ARTIFACT = "data.label-review";
    /** The agreement computation that made it from the version. */
    public static final String AGREEMENT_EXECUTION = "data.label-agreement";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final TenantDb db;
    private final PermissionCheck permissions;
    private final LabelAgreements agreements;
    private final DatasetVersions versions;
    private final DatasetService datasets;
    private final LineageRecorder lineage;
    private final AuditLog audit;

    HumanLevelFigureStore(TenantDb db, PermissionCheck permissions, LabelAgreements agreements, DatasetVersions versions,
                          DatasetService datasets, LineageRecorder lineage, AuditLog audit) {
        this.db = db;
        this.permissions = permissions;
        this.agreements = agreements;
        this.versions = versions;
        this.datasets = datasets;
        this.lineage = lineage;
        this.audit = audit;
    }

    /** A stored figure with the version it was measured on. */
    public record Recorded(HumanLevelFigure figure, UUID versionId, List<String> labellers, String kappaName, Double kappa) {
    }

    /**
     * Computes the labellers' agreement on the version and keeps it as a human-level figure.
     *
     * @throws IllegalArgumentException when no row has a label from every labeller (there is no figure to keep)
     */
    @Transactional
    public Recorded record(UUID projectId, UUID versionId, LabelColumns columns) {
        var user = permissions.require(DataPermissions.REVIEW_LABELS);
        DatasetVersionRecord version = versions.version(projectId, versionId);
        AgreementReport report = agreements.agreement(projectId, versionId, columns);
        if (report.complete() == 0 || Double.isNaN(report.agreement())) {
            throw new IllegalArgumentException("Label columns: no row has a label from every labeller, so there is no agreement to keep.");
        }
        String kappaName = report.cohensKappa().isPresent() ? "Cohen's kappa" : "Fleiss' kappa";
        Kappa kappa = report.kappa();
        String dataset = datasets.find(projectId, version.getDatasetId()).getName();
        String method = "Agreement of the labellers " + String.join(", ", columns.labellers()) + " on " + dataset + " version "
                + version.getVersion() + " (" + report.complete() + " rows labelled by all; " + kappaName + " "
                + (kappa.defined() ? String.format(Locale.ROOT, "%.3f", kappa.value()) : "undefined") + ")";
        HumanLevelFigureRecord row = db.newRecord(HUMAN_LEVEL_FIGURE);
        row.setId(UUID.randomUUID());
        row.setProjectId(projectId);
        row.setVersionId(versionId);
        row.setLabellersJson(JSON.writeValueAsString(columns.labellers()));
        row.setKeyColumn(columns.key());
        row.setAgreement(report.agreement());
        row.setExamples(report.complete());
        row.setKappaName(kappaName);
        row.setKappa(kappa.defined() ? kappa.value() : null);
        row.setMethod(method);
        row.setRecordedBy(user.username());
        row.setRecordedAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        UUID artifact = lineage.recordArtifact(projectId, REVIEW_ARTIFACT, "Label review of " + dataset + " v" + version.getVersion(),
                "cairn-label-review:" + row.getId(), Map.of("agreement", String.format(Locale.ROOT, "%.4f", report.agreement()),
                        "examples", String.valueOf(report.complete()), "labellers", String.join(", ", columns.labellers())));
        List<UUID> inputs = version.getLineageArtifact() == null ? List.of() : List.of(version.getLineageArtifact());
        lineage.recordExecution(projectId, AGREEMENT_EXECUTION, "Label agreement of " + dataset + " v" + version.getVersion(), inputs,
                List.of(artifact), Map.of("by", user.username(), "kappa", kappaName));
        row.setLineageArtifact(artifact);
        db.insert(row);
        audit.record("data.human-level.record", "label review of version " + versionId + ": agreement "
                + String.format(Locale.ROOT, "%.4f", report.agreement()) + " over " + report.complete() + " rows", AuditLog.Outcome.SUCCESS, "");
        return toRecorded(row);
    }

    /** The project's figures with their versions, newest first. */
    public List<Recorded> recorded(UUID projectId) {
        permissions.require(DataPermissions.READ);
        List<Recorded> all = new ArrayList<>();
        db.fetch(HUMAN_LEVEL_FIGURE, HUMAN_LEVEL_FIGURE.PROJECT_ID.eq(projectId), HUMAN_LEVEL_FIGURE.RECORDED_AT.desc())
                .forEach(row -> all.add(toRecorded(row)));
        return all;
    }

    @Override
    public List<HumanLevelFigure> figures(UUID projectId) {
        return recorded(projectId).stream().map(Recorded::figure).toList();
    }

    /** Deletes a figure (lineage keeps what it was). */
    @Transactional
    public void delete(UUID projectId, UUID figureId) {
        permissions.require(DataPermissions.REVIEW_LABELS);
        HumanLevelFigureRecord row = db.fetchOptional(HUMAN_LEVEL_FIGURE,
                HUMAN_LEVEL_FIGURE.ID.eq(figureId).and(HUMAN_LEVEL_FIGURE.PROJECT_ID.eq(projectId)))
                .orElseThrow(() -> new NotFoundException("Human-level figure"));
        db.delete(HUMAN_LEVEL_FIGURE, HUMAN_LEVEL_FIGURE.ID.eq(row.getId()));
        audit.record("data.human-level.delete", "human-level figure " + figureId + " (" + row.getMethod() + ")", AuditLog.Outcome.SUCCESS, "");
    }

    private static Recorded toRecorded(HumanLevelFigureRecord row) {
        HumanLevelFigure figure = new HumanLevelFigure(row.getId(), row.getProjectId(), "accuracy", row.getAgreement(), row.getExamples(),
                row.getMethod(), row.getRecordedBy(), row.getRecordedAt().toInstant());
        return new Recorded(figure, row.getVersionId(), JSON.readValue(row.getLabellersJson(), STRINGS), row.getKappaName(), row.getKappa());
    }
}
