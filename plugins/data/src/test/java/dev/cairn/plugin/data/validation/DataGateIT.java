package dev.cairn.plugin.data.validation;

import static dev.cairn.api.data.Feature.SERVING;
import static dev.cairn.api.data.Feature.TRAINING;
import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.plugin.StageGateCheck.GateResult;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.DataIntegrationTest;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.schema.DatasetSchemas;
import dev.cairn.plugin.data.statistics.StoredProfiles;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data gate's every branch (H2 and PostgreSQL), as the project page reads it, and the choice of a training
 * version: members and managers choose it, audited; a viewer may not; another dataset's or tenant's version is not found.
 */
@DataIntegrationTest
class DataGateIT {

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
    TrainingVersions training;
    @Autowired
    DataGate gate;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private ValidationWorld world() {
        return ValidationWorld.create(new ValidationWorld.Services(actors(), projects, datasets, versions, profiles, schemas), "GATE");
    }

    private GateResult gate(ProjectRef project) {
        return actors().as("acme-viewer", () -> gate.check(project));
    }

    private void choose(ValidationWorld w, UUID version) {
        actors().as("acme-member", () -> training.choose(w.project().id(), w.dataset(), version));
    }

    private void validate(ValidationWorld w, UUID version, int schemaVersion, String environment) {
        actors().as("acme-member", () -> validations.validate(w.project().id(), version, schemaVersion, environment));
    }

    private void approveV1(ValidationWorld w) {
        // The member inferred version 1; a manager approves it.
        actors().as("acme-pm", () -> schemas.approve(w.project().id(), w.dataset(), 1));
    }

    @Test
    void aProjectWithoutDatasetsIsToldToRegisterOne() {
        ProjectRef empty = actors().as("acme-pm", () -> projects.create("Project GATE0" + UUID.randomUUID().toString().substring(0, 6),
                "G" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L), null));

        assertThat(gate(empty)).isEqualTo(GateResult.fail("Register the dataset the model will learn from, upload a version, and validate it."));
    }

    @Test
    void eachStepTheGateMissesIsNamedUntilTheTrainingVersionPassesAgainstAnApprovedSchema() {
        ValidationWorld w = world();
        assertThat(gate(w.project())).isEqualTo(GateResult.fail("customers: no training version chosen."));

        choose(w, w.v2());
        assertThat(gate(w.project()).explanation()).isEqualTo("customers: training version 2 has not been validated in TRAINING.");

        validate(w, w.v2(), 1, SERVING);
        assertThat(gate(w.project()).explanation()).as("only TRAINING counts")
                .isEqualTo("customers: training version 2 has not been validated in TRAINING.");

        validate(w, w.v2(), 1, TRAINING);
        assertThat(gate(w.project())).isEqualTo(GateResult.fail("customers: training version 2 was validated against a draft schema (v1):"
                + " approve it, or validate against the approved one."));

        approveV1(w);
        assertThat(gate(w.project())).isEqualTo(GateResult.fail("customers: training version 2 has 1 error against approved schema v1."));

        choose(w, w.v1());
        validate(w, w.v1(), 1, TRAINING);
        assertThat(gate(w.project())).isEqualTo(GateResult.pass("customers: training version 1 passed validation against approved schema v1."));
    }

    @Test
    void aSupersededSchemaNoLongerCounts() {
        ValidationWorld w = world();
        approveV1(w);
        choose(w, w.v1());
        validate(w, w.v1(), 1, TRAINING);
        var v1 = actors().as("acme-viewer", () -> schemas.version(w.project().id(), w.dataset(), 1));
        actors().as("acme-member", () -> schemas.save(w.project().id(), w.dataset(), 1, v1.schema().features().stream()
                .map(dev.cairn.plugin.data.schema.FeatureDraft::of).toList(), 2, "at least two rows"));
        actors().as("acme-pm", () -> schemas.approve(w.project().id(), w.dataset(), 2));

        assertThat(gate(w.project()).explanation()).isEqualTo("customers: training version 1 was validated against a superseded schema (v1):"
                + " approve it, or validate against the approved one.");
    }

    @Test
    void aDeletedTrainingVersionIsSaidSo() {
        ValidationWorld w = world();
        choose(w, w.v2());
        actors().as("acme-pm", () -> versions.delete(w.project().id(), w.v2(), "privacy request 9"));

        assertThat(gate(w.project()).explanation()).isEqualTo("customers: training version 2 was deleted: choose another.");
        assertThatThrownBy(() -> choose(w, w.v2())).isInstanceOf(IllegalStateException.class)
                .hasMessage("Version 2 was deleted: choose a version that still has its data.");
    }

    @Test
    void oneDatasetThatPassesIsEnoughAndEveryOtherIsNamedWhenNoneDoes() {
        ValidationWorld w = world();
        UUID other = actors().as("acme-pm", () -> datasets.register(w.project().id(), "accounts", null, "")).getId();
        assertThat(gate(w.project()).explanation()).isEqualTo("accounts: no training version chosen; customers: no training version chosen.");

        approveV1(w);
        choose(w, w.v1());
        validate(w, w.v1(), 1, TRAINING);

        assertThat(gate(w.project()).passed()).isTrue();
        assertThat(other).isNotNull();
    }

    @Test
    void membersChooseTheTrainingVersionAuditedAndOthersAreRefused() {
        ValidationWorld w = world();
        choose(w, w.v1());
        actors().as("acme-pm", () -> training.choose(w.project().id(), w.dataset(), w.v2()));

        assertThat(actors().as("acme-viewer", () -> training.of(w.project().id(), w.dataset()))).get()
                .extracting(v -> v.getVersion()).isEqualTo(2);
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("data.training-version.choose")
                .and(AUDIT_ENTRY.TARGET.eq("dataset customers (" + w.dataset() + ")")).and(AUDIT_ENTRY.ACTOR.eq("acme-pm"))
                .and(AUDIT_ENTRY.DETAIL.eq("version 2 (was version 1)"))))).isEqualTo(1);
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> training.choose(w.project().id(), w.dataset(), w.v1())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actors().as("globex-member", () -> training.choose(w.project().id(), w.dataset(), w.v1())))
                .isInstanceOf(NotFoundException.class);
        UUID other = actors().as("acme-pm", () -> datasets.register(w.project().id(), "accounts", null, "")).getId();
        assertThatThrownBy(() -> actors().as("acme-member", () -> training.choose(w.project().id(), other, w.v1())))
                .as("another dataset's version").isInstanceOf(NotFoundException.class);
        assertThat(actors().as("acme-viewer", () -> training.of(w.project().id(), w.dataset()))).get()
                .extracting(v -> v.getVersion()).isEqualTo(2);
    }
}
