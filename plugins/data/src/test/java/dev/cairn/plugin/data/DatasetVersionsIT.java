package dev.cairn.plugin.data;

import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static dev.cairn.app.db.Tables.STORED_FILE;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION;
import static dev.cairn.plugin.data.db.Tables.DATASET_VERSION_COLUMN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.data.DatasetCatalog;
import dev.cairn.api.data.DatasetVersionCreated;
import dev.cairn.api.data.FeatureType;
import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.FileTooLargeException;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.lineage.LineageQueries;
import dev.cairn.api.project.ProjectRef;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.CairnApplication;
import dev.cairn.app.project.ProjectService;
import dev.cairn.app.support.Actors;
import dev.cairn.app.tenancy.TenantScope;
import dev.cairn.plugin.data.DatasetVersions.Upload;
import dev.cairn.plugin.data.db.tables.records.DatasetVersionRecord;
import dev.cairn.plugin.data.ingest.FormatOverrides;
import dev.cairn.plugin.data.ingest.ImportRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;

/**
 * Dataset versions on the platform with the data plugin alone, on H2 and PostgreSQL: stored through
 * the file store with provenance, counts and format; the same bytes twice are the same version; a
 * refused upload leaves no row, no stored file and no temporary file; deletion takes the bytes,
 * audits and leaves a tombstone; another tenant's ids are not found.
 */
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:dataversions;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=200ms", "cairn.files.max-upload-size=64KB",
        "cairn.data.ingest.spool-directory=target/test-spool/dataversions"})
@ActiveProfiles("demo")
class DatasetVersionsIT {

    static final Path SPOOL = Path.of("target/test-spool/dataversions");
    private static final AtomicInteger KEYS = new AtomicInteger();
    /** Different bytes in every test: the file store keeps the same bytes once per tenant, across datasets and projects. */
    private final String CSV = "id,plan,monthly\n1,basic,9.5\n2,pro,19\n3,basic-" + UUID.randomUUID() + ",9.5\n";

    @Autowired
    private dev.cairn.plugin.data.statistics.StoredProfiles profiles;
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
    FileStore files;
    @Autowired
    LineageQueries lineage;
    @Autowired
    HeardEvents heard;

    @TestConfiguration
    static class Listening {
        @Bean
        HeardEvents heardEvents() {
            return new HeardEvents();
        }
    }

    /** What DomainEvents published, as a listener in another plugin hears it. */
    static class HeardEvents {
        final List<DatasetVersionCreated> created = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DatasetVersionCreated event) {
            created.add(event);
        }
    }

    private Actors actors() {
        return new Actors(dsl);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    private World acmeDataset() {
        return World.withDataset(actors(), projects, datasets, "DV", "subscribers", "");
    }

    private Upload upload(String user, World world, String content, Provenance provenance) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return actors().as(user, () -> versions.upload(world.project().id(), world.dataset(), new NewFile("subscribers.csv", "text/csv",
                bytes.length), new ByteArrayInputStream(bytes), FormatOverrides.NONE, provenance));
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private int storedFilesWith(String sha) {
        return TenantScope.callAsPlatform(() -> dsl.fetchCount(STORED_FILE, STORED_FILE.SHA256.eq(sha)));
    }

    private static long spooled() throws IOException {
        if (!Files.exists(SPOOL)) {
            return 0;
        }
        try (var listing = Files.list(SPOOL)) {
            return listing.count();
        }
    }

    @Test
    void anUploadIsStoredAsAVersionWithProvenanceCountsFormatAndLineage() throws Exception {
        World world = acmeDataset();
        Upload upload = upload("acme-member", world, CSV, new Provenance("CRM export", "nightly snapshot", "CC-BY 4.0", "first batch"));

        DatasetVersionRecord version = upload.version();
        assertThat(upload.alreadyStored()).isFalse();
        assertThat(version.getVersion()).isEqualTo(1);
        assertThat(version.getSha256()).isEqualTo(sha256(CSV));
        assertThat(version.getRowCount()).isEqualTo(3);
        assertThat(version.getColumnCount()).isEqualTo(3);
        assertThat(version.getFormat()).isEqualTo("CSV");
        assertThat(version.getDelimiter()).isEqualTo(",");
        assertThat(version.getHasHeader()).isTrue();
        assertThat(version.getEncoding()).isEqualTo("UTF-8");
        assertThat(version.getCreatedBy()).isEqualTo("acme-member");
        assertThat(version.getSource()).isEqualTo("CRM export");
        assertThat(version.getCollectionMethod()).isEqualTo("nightly snapshot");
        assertThat(version.getLicence()).isEqualTo("CC-BY 4.0");
        assertThat(version.getNotes()).isEqualTo("first batch");
        assertThat(upload.message("subscribers")).isEqualTo("Stored as version 1 of subscribers: 3 rows, 3 columns.");

        var stored = actors().as("acme-member", () -> files.metadata(version.getFileId()));
        assertThat(stored.sha256()).as("the bytes are in the file store").isEqualTo(sha256(CSV));
        try (var in = actors().as("acme-member", () -> files.open(version.getFileId()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CSV);
        }
        var artifacts = actors().as("acme-member", () -> lineage.artifacts(world.project().id(), DataPlugin.VERSION_ARTIFACT));
        assertThat(artifacts).extracting(a -> a.id()).containsExactly(version.getLineageArtifact());
        assertThat(artifacts.getFirst().name()).isEqualTo("subscribers v1");
        assertThat(heard.created).filteredOn(e -> e.datasetVersionId().equals(version.getId())).singleElement()
                .satisfies(e -> {
                    assertThat(e.contentDigest()).isEqualTo(sha256(CSV));
                    assertThat(e.version()).isEqualTo(1);
                    assertThat(e.tenantId()).isEqualTo(version.getTenantId());
                });

        var read = actors().as("acme-viewer", () -> catalog.version(version.getId())).orElseThrow();
        assertThat(read.rowCount()).isEqualTo(3);
        assertThat(read.fileId()).isEqualTo(version.getFileId());
        assertThat(read.schema().version()).as("the inferred minimal schema").isZero();
        assertThat(read.schema().features()).extracting(f -> f.name()).containsExactly("id", "plan", "monthly");
        assertThat(read.schema().features()).allMatch(f -> f.type() == FeatureType.TEXT && !f.label());
        assertThat(actors().as("acme-viewer", () -> catalog.schema(read.schema().ref()))).contains(read.schema());
        assertThat(spooled()).as("the temporary copy is gone").isZero();
    }

    @Test
    void aVersionIsProfiledAsItsImportReadItWithoutHeaderAfterAByteOrderMark() throws Exception {
        World world = acmeDataset();
        String rows = "1;'a;b';2.5\n2;c;3.5\n3;c;\n";
        byte[] bytes = ("\uFEFF" + rows).getBytes(StandardCharsets.UTF_8);
        Upload upload = actors().as("acme-member", () -> versions.upload(world.project().id(), world.dataset(),
                new NewFile("semicolons.csv", "text/csv", bytes.length), new ByteArrayInputStream(bytes),
                new FormatOverrides(';', '\'', false, null, null), Provenance.NONE));

        // The profiling job queued with the version computes and stores the profile.
        assertThat(ProfileAwait.ended(actors(), profiles, world.project().id(), upload.version().getId()).status())
                .isEqualTo(dev.cairn.plugin.data.statistics.ProfileState.Status.DONE);
        var profile = actors().as("acme-viewer", () -> profiles.profile(world.project().id(), upload.version().getId())).orElseThrow();

        assertThat(profile.rows()).isEqualTo(3);
        assertThat(profile.columnNames()).containsExactly("column_1", "column_2", "column_3");
        assertThat(profile.column("column_1").numeric().orElseThrow().min()).as("the BOM is not part of the first value").isEqualTo(1.0);
        assertThat(profile.column("column_2").topValues(5)).extracting(v -> v.value()).containsExactly("c", "a;b");
        assertThat(profile.column("column_3").missing()).isEqualTo(1);
        assertThatThrownBy(() -> actors().as("globex-admin", () -> profiles.profile(world.project().id(), upload.version().getId())))
                .isInstanceOf(dev.cairn.api.tenancy.NotFoundException.class);
    }

    @Test
    void theSameBytesTwiceAreTheSameVersionAndTheUserIsToldSo() {
        World world = acmeDataset();
        Upload first = upload("acme-member", world, CSV, Provenance.NONE);
        Upload again = upload("acme-pm", world, CSV, Provenance.NONE);

        assertThat(again.alreadyStored()).isTrue();
        assertThat(again.version().getId()).isEqualTo(first.version().getId());
        assertThat(again.message("subscribers")).startsWith("This file is already version 1 of subscribers (uploaded by acme-member");
        assertThat(actors().as("acme-pm", () -> versions.history(world.project().id(), world.dataset()))).hasSize(1);

        Upload next = upload("acme-pm", world, CSV + "4,pro,19\n", Provenance.NONE);
        assertThat(next.version().getVersion()).isEqualTo(2);
        assertThat(actors().as("acme-pm", () -> catalog.versions(world.dataset()))).extracting(v -> v.version()).containsExactly(2, 1);
    }

    @Test
    void aRefusedImportLeavesNoRowNoStoredFileAndNoTemporaryFile() throws Exception {
        World world = acmeDataset();
        String ragged = "id,plan,monthly\n1,basic,9.5\n2,pro\n";

        assertThatThrownBy(() -> upload("acme-member", world, ragged, Provenance.NONE)).isInstanceOf(ImportRejectedException.class)
                .hasMessageStartingWith("Line 3, column 3: the row has 2 fields where line 1 has 3");

        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(DATASET_VERSION, DATASET_VERSION.DATASET_ID.eq(world.dataset())))).isZero();
        assertThat(storedFilesWith(sha256(ragged))).isZero();
        assertThat(spooled()).isZero();
    }

    @Test
    void anUploadOverTheTenantsLimitIsRefusedAndLeavesNothing() throws Exception {
        World world = acmeDataset();
        String big = "id,text\n" + "1,abcdefghijklmnopqrstuvwxyz\n".repeat(3000); // about 84 KB, over the 64 KB limit
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> actors().as("acme-member", () -> versions.upload(world.project().id(), world.dataset(),
                NewFile.named("big.csv"), new ByteArrayInputStream(bytes), FormatOverrides.NONE, Provenance.NONE)))
                .as("length unknown: stopped while reading").isInstanceOf(FileTooLargeException.class).hasMessageContaining("64 KB");
        assertThatThrownBy(() -> upload("acme-member", world, big, Provenance.NONE)).as("declared length: refused before reading")
                .isInstanceOf(FileTooLargeException.class);
        assertThat(storedFilesWith(sha256(big))).isZero();
        assertThat(spooled()).isZero();
        assertThat(actors().as("acme-pm", () -> versions.history(world.project().id(), world.dataset()))).isEmpty();
    }

    @Test
    void provenanceIsEditableLaterAndTheBytesAreNot() {
        World world = acmeDataset();
        DatasetVersionRecord version = upload("acme-member", world, CSV, new Provenance("CRM", "", "", "")).version();

        DatasetVersionRecord edited = actors().as("acme-member", () -> versions.editProvenance(world.project().id(), version.getId(),
                new Provenance("CRM export v2", "full snapshot", "internal use only", "corrected source")));

        assertThat(edited.getSource()).isEqualTo("CRM export v2");
        assertThat(edited.getProvenanceEditedBy()).isEqualTo("acme-member");
        DatasetVersionRecord reread = actors().as("acme-viewer", () -> versions.version(world.project().id(), version.getId()));
        assertThat(reread.getLicence()).isEqualTo("internal use only");
        assertThat(reread.getSha256()).isEqualTo(version.getSha256());
        assertThat(reread.getRowCount()).isEqualTo(version.getRowCount());
        assertThatThrownBy(() -> actors().as("acme-viewer", () -> versions.editProvenance(world.project().id(), version.getId(), Provenance.NONE)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new Provenance("x".repeat(1001), "", "", "")).hasMessage("Source must have at most 1000 characters.");
    }

    @Test
    void aManagerDeletesAVersionTheBytesGoItIsAuditedAndLineageKeepsATombstone() {
        World world = acmeDataset();
        DatasetVersionRecord version = upload("acme-member", world, CSV, Provenance.NONE).version();
        UUID fileId = version.getFileId();

        assertThatThrownBy(() -> actors().run("acme-member", () -> versions.delete(world.project().id(), version.getId(), "privacy request 7")))
                .as("members upload, managers delete").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actors().run("acme-pm", () -> versions.delete(world.project().id(), version.getId(), " ")))
                .hasMessageStartingWith("Reason: say why");

        String told = actors().as("acme-pm", () -> versions.delete(world.project().id(), version.getId(), "privacy request 7"));

        assertThat(told).isEqualTo("Version 1 of subscribers is deleted: its bytes are gone.");
        assertThatThrownBy(() -> actors().as("acme-pm", () -> files.metadata(fileId))).isInstanceOf(NotFoundException.class);
        DatasetVersionRecord tombstone = actors().as("acme-pm", () -> versions.version(world.project().id(), version.getId()));
        assertThat(tombstone.getFileId()).isNull();
        assertThat(tombstone.getSha256()).isNull();
        assertThat(tombstone.getDeletedBy()).isEqualTo("acme-pm");
        assertThat(tombstone.getDeletionReason()).isEqualTo("privacy request 7");
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(DATASET_VERSION_COLUMN, DATASET_VERSION_COLUMN.VERSION_ID.eq(version.getId()))))
                .isZero();
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("data.version.delete")
                .and(AUDIT_ENTRY.ACTOR.eq("acme-pm")).and(AUDIT_ENTRY.TARGET.contains(version.getId().toString()))
                .and(AUDIT_ENTRY.DETAIL.eq("privacy request 7"))))).isEqualTo(1);
        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq("file.delete")
                .and(AUDIT_ENTRY.DETAIL.contains("allowed by data.delete-version"))))).isPositive();
        var tombstones = actors().as("acme-pm", () -> lineage.artifacts(world.project().id(), DataPlugin.TOMBSTONE_ARTIFACT));
        assertThat(tombstones).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("subscribers v1 (deleted)"));
        assertThat(actors().as("acme-pm", () -> lineage.downstream(world.project().id(), version.getLineageArtifact())))
                .extracting(d -> d.type()).containsExactly(DataPlugin.DELETION_EXECUTION, DataPlugin.TOMBSTONE_ARTIFACT);
        assertThat(actors().as("acme-pm", () -> catalog.version(version.getId()))).as("not offered to other stages").isEmpty();
        assertThat(actors().as("acme-pm", () -> catalog.versions(world.dataset()))).isEmpty();

        Upload again = upload("acme-member", world, CSV, Provenance.NONE);
        assertThat(again.alreadyStored()).as("the bytes are gone, so they are new again").isFalse();
        assertThat(again.version().getVersion()).as("a number is never given twice").isEqualTo(2);
    }

    @Test
    void bytesAnotherDatasetStillHoldsStayAndTheManagerIsToldSo() {
        World world = acmeDataset();
        UUID other = actors().as("acme-pm", () -> datasets.register(world.project().id(), "subscribers copy", null, "")).getId();
        DatasetVersionRecord version = upload("acme-member", world, CSV, Provenance.NONE).version();
        DatasetVersionRecord copy = upload("acme-member", new World(world.project(), other), CSV, Provenance.NONE).version();
        assertThat(copy.getFileId()).as("the file store keeps the bytes once").isEqualTo(version.getFileId());

        String told = actors().as("acme-pm", () -> versions.delete(world.project().id(), version.getId(), "privacy request 8"));

        assertThat(told).contains("also version 1 of subscribers copy");
        assertThat(actors().as("acme-pm", () -> files.metadata(copy.getFileId())).sha256()).isEqualTo(copy.getSha256());
    }

    @Test
    void deletingADatasetDeletesItsVersionsAndTheirBytes() {
        World world = acmeDataset();
        DatasetVersionRecord version = upload("acme-member", world, CSV, Provenance.NONE).version();

        assertThat(actors().as("acme-pm", () -> datasets.deleteRefusal(world.project().id(), world.dataset())))
                .as("its own versions are no dependents").isEmpty();
        actors().run("acme-pm", () -> datasets.delete(world.project().id(), world.dataset()));

        assertThat(TenantScope.callAsPlatform(() -> dsl.fetchCount(DATASET_VERSION, DATASET_VERSION.DATASET_ID.eq(world.dataset())))).isZero();
        assertThatThrownBy(() -> actors().as("acme-pm", () -> files.metadata(version.getFileId()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anotherTenantsDatasetAndVersionIdsAreNotFound() {
        World acme = acmeDataset();
        DatasetVersionRecord version = upload("acme-member", acme, CSV, Provenance.NONE).version();
        ProjectRef globex = actors().as("globex-pm", () -> projects.create("Globex data", "GDV" + KEYS.incrementAndGet(), null));
        byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);

        actors().run("globex-pm", () -> {
            assertThat(catalog.version(version.getId())).isEmpty();
            assertThat(catalog.versions(acme.dataset())).isEmpty();
            assertThat(catalog.datasets(acme.project().id())).isEmpty();
            assertThat(catalog.schema(new dev.cairn.api.data.SchemaRef(version.getId(), 0))).isEmpty();
            assertThatThrownBy(() -> versions.history(globex.id(), acme.dataset())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> versions.history(acme.project().id(), acme.dataset())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> versions.version(globex.id(), version.getId())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> versions.delete(globex.id(), version.getId(), "x")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> versions.editProvenance(globex.id(), version.getId(), Provenance.NONE)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> versions.upload(globex.id(), acme.dataset(), NewFile.named("x.csv"), new ByteArrayInputStream(bytes),
                    FormatOverrides.NONE, Provenance.NONE)).isInstanceOf(NotFoundException.class);
        });
        assertThat(actors().as("acme-pm", () -> versions.version(acme.project().id(), version.getId())).getDeletedAt())
                .as("the oracle: it exists for Acme, untouched").isNull();
    }
}
