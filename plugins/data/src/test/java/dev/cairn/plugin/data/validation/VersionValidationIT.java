package dev.cairn.plugin.data.validation;

import dev.cairn.plugin.data.DataIntegrationTest;
import static dev.cairn.api.data.Feature.TRAINING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Validation of an uploaded version on the platform with the data plugin alone (H2 and
 * PostgreSQL): the version's statistics are read through VersionProfiles, a viewer may validate,
 * another tenant's version is not found, a deleted version says so.
 */
@DataIntegrationTest
class VersionValidationIT {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    dev.cairn.plugin.data.statistics.StoredProfiles storedProfiles;
    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    VersionValidation validation;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    /** A new Acme project and dataset with one version holding {@code csv}, uploaded by a member. */
    private record Stored(ProjectRef project, UUID version) {
    }

    private Stored upload(String csv) {
        String key = "VAL" + KEYS.incrementAndGet();
        ProjectRef project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null));
        UUID dataset = actors().as("acme-pm", () -> datasets.register(project.id(), "customers", null, "")).getId();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        UUID version = actors().as("acme-member", () -> versions.upload(project.id(), dataset, new NewFile("customers.csv", "text/csv",
                bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE, Provenance.NONE)).version().getId();
        try {
            // Validation reads the statistics the upload's profiling job stores.
            dev.cairn.plugin.data.ProfileAwait.ended(actors(), storedProfiles, project.id(), version);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Stored(project, version);
    }

    private static DatasetSchema schema() {
        return new DatasetSchema(UUID.randomUUID(), 1, List.of(
                new Feature("id", FeatureType.INTEGER, true, null, false, Set.of()),
                new Feature("region", FeatureType.CATEGORICAL, true, new FeatureDomain.Categories(Set.of("north", "south")), false, Set.of()),
                new Feature("age", FeatureType.INTEGER, true, new FeatureDomain.Range(0.0, 100.0), false, Set.of())));
    }

    @Test
    void aViewerValidatesAStoredVersionAndTheFixedSchemaAcceptsIt() {
        // A different third id in every test: the file store keeps the same bytes once per tenant.
        Stored stored = upload("id,region,age\n1,north,34\n2,overseas,250\n3,south,41\n" + (4 + KEYS.get()) + ",overseas,7\n");
        DatasetSchema schema = schema();

        ValidationReport report = actors().as("acme-viewer", () -> validation.validate(stored.project().id(), stored.version(), schema,
                TRAINING));

        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.anomalies()).extracting(Anomaly::description).containsExactly(
                "region has 1 value not in its domain, in 2 rows: 'overseas' (2).",
                "age has values outside its range [0, 100]: observed [7, 250], 1 value above 100.");
        assertThat(report.fixes()).extracting(SchemaFix::description).containsExactly("Add 'overseas' to the domain of region",
                "Relax the range of age to [0, 250]");
        assertThat(report.passes()).isFalse();

        DatasetSchema fixed = report.applyAllFixes(schema);
        assertThat(actors().as("acme-viewer", () -> validation.validate(stored.project().id(), stored.version(), fixed, TRAINING)).clean())
                .isTrue();
    }

    @Test
    void anotherTenantsVersionIsNotFound() {
        Stored stored = upload("id,region,age\n1,north,34\n" + (2 + KEYS.get()) + ",south,50\n");

        assertThatThrownBy(() -> actors().as("globex-admin", () -> validation.validate(stored.project().id(), stored.version(), schema(),
                TRAINING))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> validation.validate(stored.project().id(), UUID.randomUUID(), schema(),
                TRAINING))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDeletedVersionSaysItHasNoDataLeftToValidate() {
        Stored stored = upload("id,region,age\n1,north,34\n" + (2 + KEYS.get()) + ",south,60\n");
        actors().as("acme-pm", () -> versions.delete(stored.project().id(), stored.version(), "privacy request 17"));

        assertThatThrownBy(() -> actors().as("acme-viewer", () -> validation.validate(stored.project().id(), stored.version(), schema(),
                TRAINING))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Version 1 was deleted on ").hasMessageEndingWith(": there is no data left to validate.");
    }

    @Test
    void aBlankEnvironmentIsRefusedByName() {
        Stored stored = upload("id,region,age\n1,north,34\n" + (2 + KEYS.get()) + ",south,70\n");

        assertThatThrownBy(() -> actors().as("acme-viewer", () -> validation.validate(stored.project().id(), stored.version(), schema(), "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Environment: ");
    }
}
