package dev.cairn.plugin.data.schema;

import dev.cairn.plugin.data.DataIntegrationTest;
import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static dev.cairn.plugin.data.db.Tables.SCHEMA_FEATURE;
import static dev.cairn.plugin.data.db.Tables.SCHEMA_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.DatasetCatalog;
import dev.cairn.api.data.DatasetSchema;
import dev.cairn.api.data.Feature;
import dev.cairn.api.data.FeatureDomain;
import dev.cairn.api.data.FeatureType;
import dev.cairn.api.data.SchemaRef;
import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A dataset's schema on the platform with the data plugin alone, on H2 and PostgreSQL: inferred
 * as a draft version 1, every edit a new version with author and reason, approved by a manager who
 * did not write it (superseding the approved one), given by the catalog; bad edits and other
 * tenants' ids refused with nothing saved.
 */
@DataIntegrationTest
class DatasetSchemasIT {

    @Autowired
    dev.cairn.plugin.data.statistics.StoredProfiles profiles;
    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    DatasetSchemas schemas;
    @Autowired
    DatasetCatalog catalog;
    @Autowired
    LineageQueries lineage;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private SchemaFixture fixture() {
        return SchemaFixture.create(actors(), projects, datasets, versions, profiles, "SI");
    }

    private SchemaVersion infer(SchemaFixture f) {
        return actors().as("acme-member", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId()));
    }

    private static List<FeatureDraft> drafts(SchemaVersion version) {
        return new ArrayList<>(version.schema().features().stream().map(FeatureDraft::of).toList());
    }

    /** The drafts of the version with one feature's draft replaced. */
    private static List<FeatureDraft> with(SchemaVersion version, String name, java.util.function.UnaryOperator<FeatureDraft> change) {
        return drafts(version).stream().map(d -> d.name().equals(name) ? change.apply(d) : d).toList();
    }

    private static FeatureDraft range(FeatureDraft d, Double min, Double max) {
        return new FeatureDraft(d.name(), d.type(), d.required(), d.minFractionPresent(), DomainKind.RANGE, min, max, List.of(), d.label(),
                d.environments(), d.minDistinct(), d.maxDistinct());
    }

    private int storedVersions() {
        return TenantScope.callAsPlatform(() -> dsl.fetchCount(SCHEMA_VERSION));
    }

    @Test
    void inferringGivesADraftVersionOneWithTheVersionsFeaturesAuthorAndLineage() {
        SchemaFixture f = fixture();
        assertThat(actors().as("acme-viewer", () -> schemas.current(f.project().id(), f.dataset()))).isEmpty();

        SchemaVersion v1 = infer(f);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo(SchemaVersion.Status.DRAFT);
        assertThat(v1.author()).isEqualTo("acme-member");
        assertThat(v1.reason()).isEqualTo("Inferred from dataset version 1.");
        assertThat(v1.inferredFrom()).isEqualTo(1);
        assertThat(v1.schema().features()).extracting(Feature::name).containsExactly("id", "age", "plan", "churned");
        Feature age = v1.schema().feature("age").orElseThrow();
        assertThat(age.type()).isEqualTo(FeatureType.INTEGER);
        assertThat(age.required()).isFalse();
        assertThat(age.minFractionPresent()).as("4 of 5").isEqualTo(0.8);
        assertThat(age.domain()).isEqualTo(new FeatureDomain.Range(18.0, 50.0));
        assertThat(v1.schema().feature("plan").orElseThrow().domain()).isEqualTo(new FeatureDomain.Categories(Set.of("basic", "pro")));
        assertThat(v1.schema().feature("id").orElseThrow().required()).isTrue();
        assertThat(actors().as("acme-viewer", () -> schemas.current(f.project().id(), f.dataset()))).contains(v1);

        var artifact = actors().as("acme-viewer", () -> lineage.artifacts(f.project().id(), SchemaLineage.VERSION_ARTIFACT)).getFirst();
        assertThat(artifact.name()).isEqualTo("customers schema v1");
        assertThat(actors().as("acme-viewer", () -> lineage.downstream(f.project().id(), f.version().getLineageArtifact())))
                .as("from the dataset version, through the inference").extracting(LineageQueries.Dependent::type)
                .contains(SchemaLineage.INFERENCE_EXECUTION, SchemaLineage.VERSION_ARTIFACT);

        assertThatThrownBy(() -> infer(f)).isInstanceOf(IllegalStateException.class).hasMessageContaining("already has a schema");
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anEditIsANewVersionWithAuthorAndReasonAndTheReasonIsRequired() {
        SchemaFixture f = fixture();
        SchemaVersion v1 = infer(f);
        List<FeatureDraft> relaxed = with(v1, "age", d -> range(d, 0.0, 120.0));

        int before = storedVersions();
        assertThatThrownBy(() -> actors().as("acme-member", () -> schemas.save(f.project().id(), f.dataset(), 1, relaxed, 0, "  ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Reason");
        assertThat(storedVersions()).isEqualTo(before);

        SchemaVersion v2 = actors().as("acme-pm", () -> schemas.save(f.project().id(), f.dataset(), 1, relaxed, 0, "ages up to 120 occur"));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.author()).isEqualTo("acme-pm");
        assertThat(v2.reason()).isEqualTo("ages up to 120 occur");
        assertThat(v2.previousVersion()).isEqualTo(1);
        assertThat(v2.status()).isEqualTo(SchemaVersion.Status.DRAFT);
        assertThat(v2.schema().feature("age").orElseThrow().domain()).isEqualTo(new FeatureDomain.Range(0.0, 120.0));
        assertThat(actors().as("acme-viewer", () -> schemas.version(f.project().id(), f.dataset(), 1)).schema())
                .as("version 1 is unchanged").isEqualTo(v1.schema());
        assertThat(actors().as("acme-viewer", () -> schemas.diff(f.project().id(), f.dataset(), 1, 2))).extracting(SchemaChange::describe)
                .containsExactly("age: domain [18, 50] → [0, 120]");
        assertThat(actors().as("acme-viewer", () -> schemas.history(f.project().id(), f.dataset()))).extracting(SchemaVersion::version)
                .containsExactly(2, 1);
        assertThat(actors().as("acme-viewer", () -> lineage.downstream(f.project().id(), v1Artifact(f))))
                .as("the edit reads version 1 and makes version 2").extracting(LineageQueries.Dependent::name)
                .contains("Edit customers schema v1 → v2", "customers schema v2");

        assertThatThrownBy(() -> actors().as("acme-member", () -> schemas.save(f.project().id(), f.dataset(), 1,
                with(v1, "age", d -> range(d, 1.0, 99.0)), 0, "stale"))).as("someone saved version 2 since version 1 was opened")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Version 2 was saved by acme-pm");
        assertThatThrownBy(() -> actors().as("acme-member", () -> schemas.save(f.project().id(), f.dataset(), 2, drafts(v2), 0, "no-op")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Nothing changed");
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> schemas.save(f.project().id(), f.dataset(), 2, relaxed, 5, "viewer")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private java.util.UUID v1Artifact(SchemaFixture f) {
        return actors().as("acme-viewer", () -> lineage.artifactWith(f.project().id(), SchemaLineage.VERSION_ARTIFACT, "version", "1"))
                .orElseThrow().id();
    }

    @Test
    void aBadEditIsRefusedNamingTheFieldAndNothingIsSaved() {
        SchemaFixture f = fixture();
        SchemaVersion v1 = infer(f);
        int before = storedVersions();
        int features = TenantScope.callAsPlatform(() -> dsl.fetchCount(SCHEMA_FEATURE));

        assertThatThrownBy(() -> save(f, with(v1, "age", d -> range(d, 60.0, 10.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Min of age must not exceed Max: 60 > 10.");
        assertThatThrownBy(() -> save(f, with(v1, "age", d -> new FeatureDraft(d.name(), d.type(), false, 1.2, d.domainKind(), d.rangeMin(),
                d.rangeMax(), d.categories(), false, d.environments(), null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Least share present of age must lie between 0 and 1, was 1.2.");
        assertThatThrownBy(() -> save(f, with(v1, "plan", d -> new FeatureDraft(d.name(), d.type(), d.required(), 1.0, DomainKind.CATEGORIES,
                null, null, List.of("basic", "pro", "basic"), false, d.environments(), null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Categories of plan: 'basic' is listed twice.");
        assertThatThrownBy(() -> save(f, drafts(v1).stream().map(d -> d.withLabel(true)).toList()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Label: only one feature can be the label");

        assertThat(storedVersions()).as("nothing saved").isEqualTo(before);
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(SCHEMA_FEATURE))).isEqualTo(features);
    }

    private SchemaVersion save(SchemaFixture f, List<FeatureDraft> drafts) {
        return actors().as("acme-member", () -> schemas.save(f.project().id(), f.dataset(), 1, drafts, 0, "a reason"));
    }

    @Test
    void anotherManagerApprovesTheAuthorMemberAndViewerMayNotAndTheNextApprovalSupersedes() {
        SchemaFixture f = fixture();
        infer(f); // by acme-member
        SchemaVersion v2 = actors().as("acme-pm", () -> schemas.save(f.project().id(), f.dataset(), 1,
                with(schemas(f, 1), "churned", d -> d.withLabel(true)), 0, "churned is what we predict"));

        assertThatThrownBy(() -> actors().as("acme-pm", () -> schemas.approve(f.project().id(), f.dataset(), 2)))
                .as("the author").isInstanceOf(SeparationOfDutiesException.class)
                .hasMessage("You wrote schema version 2: another manager must approve it (separation of duties: nobody approves their own work).");
        assertThatThrownBy(() -> actors().as("acme-member", () -> schemas.approve(f.project().id(), f.dataset(), 1)))
                .as("a member, even of someone else's version").isInstanceOf(AccessDeniedException.class)
                .isNotInstanceOf(SeparationOfDutiesException.class);
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> schemas.approve(f.project().id(), f.dataset(), 2)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actors().as("acme-viewer", () -> schemas.version(f.project().id(), f.dataset(), 2)).status()).isEqualTo(SchemaVersion.Status.DRAFT);
        assertThat(actors().as("acme-viewer", () -> catalog.version(f.version().getId())).orElseThrow().schema().version())
                .as("nothing approved: the inferred minimal schema").isZero();

        SchemaVersion approved = actors().as("acme-admin", () -> schemas.approve(f.project().id(), f.dataset(), 2));

        assertThat(approved.status()).isEqualTo(SchemaVersion.Status.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo("acme-admin");
        assertThat(approved.approvedAt()).isNotNull();
        DatasetSchema given = actors().as("acme-viewer", () -> catalog.version(f.version().getId())).orElseThrow().schema();
        assertThat(given).isEqualTo(v2.schema());
        assertThat(given.label()).map(Feature::name).contains("churned");
        assertThat(actors().as("acme-viewer", () -> catalog.schema(new SchemaRef(v2.schema().id(), 1)))).as("a draft too, by its ref")
                .contains(schemas(f, 1).schema());
        assertThat(audited("dataset customers schema v2", "SUCCESS")).isPositive();
        assertThat(actors().as("acme-viewer", () -> lineage.downstream(f.project().id(), artifactOf(f, "2")))).extracting(LineageQueries.Dependent::name)
                .contains("Approve customers schema v2");

        assertThatThrownBy(() -> actors().as("acme-admin", () -> schemas.approve(f.project().id(), f.dataset(), 2)))
                .isInstanceOf(IllegalStateException.class).hasMessage("Schema version 2 is approved: only a draft can be approved.");
        assertThatThrownBy(() -> actors().as("acme-pm", () -> schemas.approve(f.project().id(), f.dataset(), 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("older than the approved version 2");

        SchemaVersion v3 = actors().as("acme-member", () -> schemas.save(f.project().id(), f.dataset(), 2,
                with(v2, "age", d -> range(d, 0.0, 120.0)), 0, "wider ages"));
        actors().as("acme-pm", () -> schemas.approve(f.project().id(), f.dataset(), 3));
        assertThat(actors().as("acme-viewer", () -> schemas.version(f.project().id(), f.dataset(), 2)).status()).isEqualTo(SchemaVersion.Status.SUPERSEDED);
        assertThat(actors().as("acme-viewer", () -> catalog.version(f.version().getId())).orElseThrow().schema()).isEqualTo(v3.schema());
    }

    private SchemaVersion schemas(SchemaFixture f, int version) {
        return actors().as("acme-viewer", () -> schemas.version(f.project().id(), f.dataset(), version));
    }

    private java.util.UUID artifactOf(SchemaFixture f, String version) {
        return actors().as("acme-viewer", () -> lineage.artifactWith(f.project().id(), SchemaLineage.VERSION_ARTIFACT, "version", version))
                .orElseThrow().id();
    }

    private int audited(String target, String outcome) {
        return TenantScope.callAsPlatform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("data.schema.approve")
                .and(AUDIT_ENTRY.TARGET.startsWith(target)).and(AUDIT_ENTRY.OUTCOME.eq(outcome))));
    }

    @Test
    void aDatasetWithASchemaCanStillBeDeletedAndItsSchemaGoesWithIt() {
        SchemaFixture f = fixture();
        SchemaVersion v1 = infer(f);
        actors().as("acme-member", () -> schemas.save(f.project().id(), f.dataset(), 1,
                with(v1, "plan", d -> d.withLabel(true)), 0, "plan is the label"));
        assertThat(actors().as("acme-pm", () -> datasets.deleteRefusal(f.project().id(), f.dataset())))
                .as("its own schema versions are not dependents").isEmpty();

        actors().as("acme-pm", () -> {
            datasets.delete(f.project().id(), f.dataset());
            return null;
        });

        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(SCHEMA_VERSION, SCHEMA_VERSION.SCHEMA_ID.eq(v1.schema().id())))).isZero();
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(SCHEMA_FEATURE, SCHEMA_FEATURE.VERSION_ID.eq(v1.id())))).isZero();
    }

    @Test
    void anotherTenantsIdsAreNotFound() {
        SchemaFixture f = fixture();
        SchemaVersion v1 = infer(f);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> schemas.history(f.project().id(), f.dataset())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> schemas.version(f.project().id(), f.dataset(), 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> schemas.approve(f.project().id(), f.dataset(), 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> schemas.save(f.project().id(), f.dataset(), 1, drafts(v1), 3, "theirs")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> schemas.infer(f.project().id(), f.dataset(), f.version().getId())))
                .isInstanceOf(NotFoundException.class);
        assertThat(actors().as("globex-admin", () -> catalog.schema(v1.schema().ref()))).as("the catalog: empty, as for any unknown id").isEmpty();
        assertThat(actors().as("acme-viewer", () -> catalog.schema(v1.schema().ref()))).contains(v1.schema());

        SchemaFixture other = fixture();
        assertThatThrownBy(() -> actors().as("acme-member", () -> schemas.infer(other.project().id(), other.dataset(), f.version().getId())))
                .as("a version of another dataset").isInstanceOf(NotFoundException.class);
    }
}
