package dev.cairn.plugin.data;

import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION_COLUMN;
import static dev.cairn.plugin.data.db.Tables.VERSION_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.DatasetCatalog;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.files.StoredFileService;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant admin deletes a stored file from the admin's list (a privacy request made outside the
 * data stage): the list says which dataset versions hold it, and those versions become tombstones
 * naming the admin and the reason, as a manager's deletion of the version would.
 */
@DataIntegrationTest
class AdminFileDeletionIT {

    @Autowired
    DSLContext dsl;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetVersions versions;
    @Autowired
    DatasetCatalog catalog;
    @Autowired
    StoredFileService files;
    @Autowired
    LineageQueries lineage;

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void theAdminSeesWhichVersionsHoldAFileAndDeletingItMarksThemDeleted() throws Exception {
        World world = World.withDataset(actors(), projects, datasets, "AFD", "customers", "");
        byte[] bytes = ("id,country\n1,NZ\n2,FR-" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        DatasetVersionRecord version = actors().as("acme-member", () -> versions.upload(world.project().id(), world.dataset(),
                new NewFile("customers.csv", "text/csv", bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE,
                Provenance.NONE)).version();
        UUID fileId = version.getFileId();
        assertThat(profileRows(version.getId())).as("the upload's statistics row (its profiling job queued)").isEqualTo(1);

        assertThat(actors().as("acme-admin", () -> files.usesOf(fileId))).containsExactly("dataset customers version 1");
        assertThatThrownBy(() -> actors().as("globex-admin", () -> files.usesOf(fileId)))
                .as("another tenant's file is not found").isInstanceOf(NotFoundException.class);

        actors().run("acme-admin", () -> files.delete(fileId, "privacy request #7"));

        DatasetVersionRecord tombstone = awaitDeleted(version.getId());
        assertThat(tombstone.getDeletedBy()).isEqualTo("acme-admin");
        assertThat(tombstone.getDeletionReason()).isEqualTo("Its stored file was deleted by a tenant admin: privacy request #7");
        assertThat(tombstone.getFileId()).isNull();
        assertThat(tombstone.getSha256()).isNull();
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(DATASET_VERSION_COLUMN, DATASET_VERSION_COLUMN.VERSION_ID.eq(version.getId()))))
                .isZero();
        assertThat(actors().as("acme-viewer", () -> catalog.version(version.getId()))).as("no longer offered to other stages").isEmpty();
        assertThat(profileRows(version.getId())).as("its statistics (the data's own values) are deleted too").isZero();
        assertThat(actors().as("acme-member", () -> lineage.artifacts(world.project().id(), DataPlugin.TOMBSTONE_ARTIFACT)))
                .extracting(a -> a.name()).containsExactly("customers v1 (deleted)");
        assertThat(actors().as("acme-member", () -> versions.history(world.project().id(), world.dataset())))
                .singleElement().satisfies(v -> assertThat(v.getDeletedAt()).isNotNull());
    }

    private int profileRows(UUID versionId) {
        return TenantScope.callAsPlatform(() -> dsl.fetchCount(VERSION_PROFILE, VERSION_PROFILE.VERSION_ID.eq(versionId)));
    }

    private DatasetVersionRecord awaitDeleted(UUID versionId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            DatasetVersionRecord row = TenantScope.callAsPlatform(() -> dsl.fetchOne(DATASET_VERSION, DATASET_VERSION.ID.eq(versionId)));
            if (row.getDeletedAt() != null) {
                return row;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("version " + versionId + " was not marked deleted within 20 s");
    }
}
