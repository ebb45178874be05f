package dev.cairn.plugin.data.validation;

import static dev.cairn.api.data.Feature.SERVING;
import static dev.cairn.api.data.Feature.TRAINING;
import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.DataIntegrationTest;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.schema.DatasetSchemas;
import dev.cairn.plugin.data.schema.SchemaLineage;
import dev.cairn.plugin.data.schema.SchemaVersion;
import dev.cairn.plugin.data.statistics.StoredProfiles;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stored validation runs (H2 and PostgreSQL): each records the schema version and environment it was checked
 * against, its verdict and anomalies (fixes included), who and when; it is in the lineage graph, made from the
 * dataset version and the schema version, and audited. Viewers read runs but do not validate; another tenant's
 * version is not found; a dataset's deletion takes its runs.
 */
@DataIntegrationTest
class VersionValidationsIT {

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    StoredProfiles profiles;
    @Autowired
    DatasetSchemas schemas;
    @Autowired
    VersionValidations validations;
    @Autowired
    LineageQueries lineage;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private ValidationWorld world() {
        return ValidationWorld.create(new ValidationWorld.Services(actors(), projects, datasets, versions, profiles, schemas), "SV");
    }

    @Test
    void aMemberValidatesAndTheRunIsStoredWithItsSchemaVersionEnvironmentAndFix() {
        ValidationWorld w = world();

        StoredValidation run = actors().as("acme-member", () -> validations.validate(w.project().id(), w.v2(), 1, TRAINING));

        assertThat(run.versionNumber()).isEqualTo(2);
        assertThat(run.schemaVersion()).isEqualTo(1);
        assertThat(run.schemaStatus()).isEqualTo(SchemaVersion.Status.DRAFT);
        assertThat(run.environment()).isEqualTo(TRAINING);
        assertThat(run.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(run.errors()).isEqualTo(1);
        assertThat(run.warnings()).isZero();
        assertThat(run.rows()).isEqualTo(4);
        assertThat(run.validatedBy()).isEqualTo("acme-member");
        Anomaly anomaly = run.anomalies().getFirst();
        assertThat(anomaly.type()).isEqualTo(AnomalyType.UNEXPECTED_CATEGORY);
        assertThat(anomaly.feature()).isEqualTo("plan");
        assertThat(anomaly.fix()).as("the fix survives storage").isEqualTo(new SchemaFix.AddCategories("plan", Set.of("enterprise")));
        assertThat(anomaly.fix().description()).isEqualTo("Add 'enterprise' to the domain of plan");

        StoredValidation clean = actors().as("acme-pm", () -> validations.validate(w.project().id(), w.v1(), 1, SERVING));
        assertThat(clean.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(clean.environment()).isEqualTo(SERVING);

        assertThat(actors().as("acme-viewer", () -> validations.history(w.project().id(), w.v2()))).containsExactly(run);
        assertThat(actors().as("acme-viewer", () -> validations.newest(w.project().id(), w.v1()))).contains(clean);
        assertThat(actors().as("acme-viewer", () -> validations.newestPerVersion(w.project().id(), w.dataset())))
                .containsOnlyKeys(w.v1(), w.v2()).containsEntry(w.v2(), run);
    }

    @Test
    void theRunIsInLineageMadeFromTheVersionAndTheSchemaVersionAndAudited() {
        ValidationWorld w = world();

        StoredValidation run = actors().as("acme-member", () -> validations.validate(w.project().id(), w.v2(), 1, TRAINING));

        var report = actors().as("acme-viewer", () -> lineage.artifactWith(w.project().id(), ValidationLineage.REPORT_ARTIFACT, "version_id",
                w.v2().toString())).orElseThrow();
        assertThat(report.name()).isEqualTo("Validation of customers v2 against schema v1 (TRAINING)");
        UUID versionArtifact = actors().as("acme-viewer", () -> versions.version(w.project().id(), w.v2())).getLineageArtifact();
        UUID schemaArtifact = actors().as("acme-viewer", () -> lineage.artifactWith(w.project().id(), SchemaLineage.VERSION_ARTIFACT,
                "version", "1")).orElseThrow().id();
        for (UUID input : java.util.List.of(versionArtifact, schemaArtifact)) {
            assertThat(actors().as("acme-viewer", () -> lineage.downstream(w.project().id(), input))).extracting(LineageQueries.Dependent::id)
                    .contains(report.id());
        }
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("data.version.validate")
                .and(AUDIT_ENTRY.TARGET.eq("dataset customers version 2 (" + w.v2() + ")")).and(AUDIT_ENTRY.ACTOR.eq("acme-member"))
                .and(AUDIT_ENTRY.DETAIL.eq("Failed against schema v1 in TRAINING: 1 error(s), 0 warning(s)"))))).isEqualTo(1);
        assertThat(run.id()).isNotNull();
    }

    @Test
    void aViewerReadsRunsButMayNotValidate() {
        ValidationWorld w = world();

        assertThatThrownBy(() -> actors().as("acme-viewer", () -> validations.validate(w.project().id(), w.v2(), 1, TRAINING)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actors().as("acme-viewer", () -> validations.history(w.project().id(), w.v2()))).isEmpty();
    }

    @Test
    void anotherTenantsVersionIsNotFoundAndNothingIsStored() {
        ValidationWorld w = world();

        assertThatThrownBy(() -> actors().as("globex-member", () -> validations.validate(w.project().id(), w.v2(), 1, TRAINING)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-member", () -> validations.history(w.project().id(), w.v2())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("acme-member", () -> validations.validate(w.project().id(), w.v2(), 7, TRAINING)))
                .as("a schema version the dataset lacks").isInstanceOf(NotFoundException.class);
        assertThat(actors().as("acme-viewer", () -> validations.history(w.project().id(), w.v2()))).isEmpty();
    }

    @Test
    void aDatasetsDeletionTakesItsRuns() {
        ValidationWorld w = world();
        StoredValidation run = actors().as("acme-member", () -> validations.validate(w.project().id(), w.v2(), 1, TRAINING));

        actors().as("acme-pm", () -> {
            datasets.delete(w.project().id(), w.dataset());
            return null;
        });

        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(dev.cairn.plugin.data.db.Tables.VERSION_VALIDATION,
                dev.cairn.plugin.data.db.Tables.VERSION_VALIDATION.ID.eq(run.id())))).isZero();
    }

    @Test
    void aDeletedVersionTakesItsRunsWithItForTheirAnomaliesNameItsValues() {
        ValidationWorld w = world();
        actors().as("acme-member", () -> validations.validate(w.project().id(), w.v2(), 1, TRAINING));
        actors().as("acme-member", () -> validations.validate(w.project().id(), w.v1(), 1, TRAINING));

        actors().as("acme-pm", () -> versions.delete(w.project().id(), w.v2(), "privacy request 12"));

        assertThat(actors().as("acme-viewer", () -> validations.history(w.project().id(), w.v2()))).isEmpty();
        assertThat(actors().as("acme-viewer", () -> validations.history(w.project().id(), w.v1()))).hasSize(1);
    }
}
