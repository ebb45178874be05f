package dev.cairn.plugin.data.statistics;

import dev.cairn.plugin.data.DataIntegrationTest;
import static dev.cairn.plugin.data.db.Tables.VERSION_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.DataPermissions;
import dev.cairn.plugin.data.DatasetService;
import dev.cairn.plugin.data.DatasetVersions;
import dev.cairn.plugin.data.ProfileAwait;
import dev.cairn.plugin.data.Provenance;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.statistics.ProfileState.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Statistics stored with each version, on H2 and PostgreSQL, with the real job runner: the job
 * queued with an upload (a token scoped to data.upload alone included) stores the profile and its
 * lineage; a file gone from the store fails the run saying so; re-profiling with a label column
 * replaces the profile; deleting the version deletes its statistics; another tenant's ids are not
 * found; a viewer reads but cannot re-profile.
 */
@DataIntegrationTest
class StatisticsIT {

    private static final AtomicInteger KEYS = new AtomicInteger();

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
    FileStore files;
    @Autowired
    LineageQueries lineage;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    /** A new project of Acme's with one dataset, and a version of it uploaded by acme-member (different bytes every time). */
    private record Uploaded(ProjectRef project, DatasetVersionRecord version) {
    }

    private Uploaded upload() {
        return uploadAs(null);
    }

    private Uploaded uploadAs(List<dev.cairn.api.plugin.PermissionDefinition> scope) {
        String key = "ST" + KEYS.incrementAndGet();
        ProjectRef project = actors().as("acme-pm", () -> projects.create("Project " + key, key, null));
        UUID dataset = actors().as("acme-pm", () -> datasets.register(project.id(), "churn", null, "")).getId();
        byte[] bytes = ("id,plan,monthly\n1,basic,9.5\n2,pro,19\n3,basic,9.5\n4,pro,\n5," + UUID.randomUUID() + ",12\n")
                .getBytes(StandardCharsets.UTF_8);
        java.util.function.Supplier<DatasetVersions.Upload> work = () -> versions.upload(project.id(), dataset,
                new NewFile("churn.csv", "text/csv", bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE, Provenance.NONE);
        DatasetVersions.Upload upload = scope == null ? actors().as("acme-member", work) : actors().asScopedTo("acme-member", scope, work);
        return new Uploaded(project, upload.version());
    }

    private ProfileState ended(Uploaded u) throws InterruptedException {
        return ProfileAwait.ended(actors(), profiles, u.project().id(), u.version().getId());
    }

    @Test
    void theJobQueuedWithAnUploadStoresTheProfileAndItsLineage() throws Exception {
        Uploaded u = upload();

        ProfileState state = ended(u);
        assertThat(state.status()).isEqualTo(Status.DONE);
        assertThat(state.hasProfile()).isTrue();
        assertThat(state.computedBy()).as("the job acts as the uploader").isEqualTo("acme-member");
        assertThat(state.progress()).isEqualTo(1.0);
        var profile = actors().as("acme-viewer", () -> profiles.profile(u.project().id(), u.version().getId())).orElseThrow();
        assertThat(profile.rows()).isEqualTo(5);
        assertThat(profile.column("monthly").missing()).isEqualTo(1);
        assertThat(profile.column("monthly").numeric().orElseThrow().max()).isEqualTo(19.0);
        assertThat(profile.column("plan").topValues(1).getFirst().value()).isEqualTo("basic");
        assertThat(stored(u.version().getId())).as("the codec's bytes are in the table").isGreaterThan(0);

        var statistics = actors().as("acme-viewer", () -> lineage.artifactWith(u.project().id(), StatisticsLineage.STATISTICS_ARTIFACT,
                "version_id", u.version().getId().toString())).orElseThrow();
        var downstream = actors().as("acme-viewer", () -> lineage.downstream(u.project().id(), u.version().getLineageArtifact()));
        assertThat(downstream).as("made by a profiling execution from the version")
                .anySatisfy(d -> assertThat(d.type()).isEqualTo(StatisticsLineage.PROFILING_EXECUTION))
                .anySatisfy(d -> assertThat(d.id()).isEqualTo(statistics.id()));
    }

    @Test
    void aVersionUploadedWithATokenScopedToUploadAloneIsProfiledToo() throws Exception {
        Uploaded u = uploadAs(List.of(DataPermissions.UPLOAD));

        ProfileState state = ended(u);
        assertThat(state.status()).as(String.valueOf(state.error())).isEqualTo(Status.DONE);
        assertThat(state.requestedBy()).isEqualTo("acme-member");
        assertThat(actors().as("acme-viewer", () -> profiles.profile(u.project().id(), u.version().getId()))).isPresent();
    }

    @Test
    void aFileGoneFromTheStoreFailsTheRunSayingSoAndKeepsTheLastProfile() throws Exception {
        Uploaded u = upload();
        assertThat(ended(u).status()).isEqualTo(Status.DONE);
        // The store loses the file behind the version's back (a tenant admin's deletion would make the version a
        // tombstone, its statistics deleted with it: AdminFileDeletionIT).
        TenantScope.callAsPlatform(() -> dsl.deleteFrom(dev.cairn.app.db.Tables.STORED_FILE)
                .where(dev.cairn.app.db.Tables.STORED_FILE.ID.eq(u.version().getFileId())).execute());

        actors().run("acme-member", () -> profiles.reprofile(u.project().id(), u.version().getId(), null));
        ProfileState failed = ended(u);

        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.error()).startsWith("Profiling failed: the version's file is no longer in the file store");
        assertThat(failed.hasProfile()).as("the profile computed before stays").isTrue();
    }

    @Test
    void reprofilingWithALabelColumnReplacesTheProfileAndReportsItsClassBalance() throws Exception {
        Uploaded u = upload();
        assertThat(ended(u).status()).isEqualTo(Status.DONE);
        assertThat(actors().as("acme-viewer", () -> profiles.profile(u.project().id(), u.version().getId())).orElseThrow().classBalance())
                .isEmpty();

        actors().run("acme-member", () -> profiles.reprofile(u.project().id(), u.version().getId(), "plan"));
        ProfileState state = ended(u);

        assertThat(state.status()).isEqualTo(Status.DONE);
        assertThat(state.profileLabel()).isEqualTo("plan");
        var balance = actors().as("acme-viewer", () -> profiles.profile(u.project().id(), u.version().getId())).orElseThrow()
                .classBalance().orElseThrow();
        assertThat(balance.column()).isEqualTo("plan");
        assertThat(balance.share("basic")).isEqualTo(0.4);
        assertThatThrownBy(() -> actors().run("acme-member", () -> profiles.reprofile(u.project().id(), u.version().getId(), "nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Label column: version 1 has no column 'nope' (it has id, plan, monthly).");
    }

    @Test
    void deletingAVersionDeletesItsStatistics() throws Exception {
        Uploaded u = upload();
        assertThat(ended(u).status()).isEqualTo(Status.DONE);

        actors().run("acme-pm", () -> versions.delete(u.project().id(), u.version().getId(), "privacy request 7 (test)"));

        assertThat(actors().as("acme-viewer", () -> profiles.state(u.project().id(), u.version().getId()))).isEmpty();
        assertThat(actors().as("acme-viewer", () -> profiles.profile(u.project().id(), u.version().getId()))).isEmpty();
        assertThat(stored(u.version().getId())).as("no row, no top values left").isEqualTo(-1);
        assertThatThrownBy(() -> actors().run("acme-member", () -> profiles.reprofile(u.project().id(), u.version().getId(), null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherTenantsVersionIsNotFoundAndAViewerReadsButCannotReprofile() throws Exception {
        Uploaded u = upload();
        assertThat(ended(u).status()).isEqualTo(Status.DONE);

        assertThatThrownBy(() -> actors().as("globex-admin", () -> profiles.state(u.project().id(), u.version().getId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> profiles.profile(u.project().id(), u.version().getId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors().run("globex-admin", () -> profiles.reprofile(u.project().id(), u.version().getId(), null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(actors().as("acme-viewer", () -> profiles.state(u.project().id(), u.version().getId()))).isPresent();
        assertThatThrownBy(() -> actors().run("acme-viewer", () -> profiles.reprofile(u.project().id(), u.version().getId(), null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** The stored profile's size in bytes (0 for none), or -1 without a row: read across tenants, as an auditor would. */
    private long stored(UUID versionId) {
        return TenantScope.callAsPlatform(() -> dsl.selectFrom(VERSION_PROFILE).where(VERSION_PROFILE.VERSION_ID.eq(versionId)).fetchOptional()
                .map(r -> r.getProfile() == null ? 0L : (long) r.getProfile().length).orElse(-1L));
    }
}
