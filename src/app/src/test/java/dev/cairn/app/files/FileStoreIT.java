package dev.cairn.app.files;

import static dev.cairn.app.db.Tables.AUDIT_ENTRY;
import static dev.cairn.app.db.Tables.STORED_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.files.ArchiveRejectedException;
import dev.cairn.api.files.FileStore;
import dev.cairn.api.files.FileTooLargeException;
import dev.cairn.api.files.NewFile;
import dev.cairn.api.files.StoreResult;
import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NoTenantInScopeException;
import dev.cairn.api.tenancy.NotFoundException;
import dev.cairn.app.support.Actors;
import dev.cairn.app.support.DemoWorld;
import dev.cairn.app.tenancy.TenantScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The file store on the real database (H2, and PostgreSQL with row-level security in the second
 * failsafe run) and the real file system: content-addressed per tenant, isolated between tenants,
 * limited on the server (SECURITY.md 15), and atomic: a refused or aborted upload leaves no row and no file.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:filestore;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h", "cairn.files.max-upload-size=1MB", "cairn.files.archive.max-total-size=2MB"})
@ActiveProfiles("demo")
class FileStoreIT {

    @Autowired
    FileStore files;
    @Autowired
    FileLimits limits;
    @Autowired
    FilesystemBlobStore blobs;
    @Autowired
    DemoWorld world;
    @Autowired
    DSLContext dsl;

    private Actors actors;

    @BeforeEach
    void seed() {
        world.create();
        actors = world.actors();
    }

    @AfterEach
    void restoreTheDemoLimit() {
        actors.run("acme-admin", () -> limits.setTenantLimit(DemoWorld.DEMO_UPLOAD_LIMIT));
        Actors.signOut();
    }

    @Test
    void aStoredFileOpensWithItsOwnBytesAndItsSha256() throws IOException {
        byte[] content = unique("round trip");
        StoreResult result = actors.as("acme-member", () -> files.store(new NewFile("C:\\fakepath\\trip.csv", "text/csv", content.length),
                new ByteArrayInputStream(content)));
        assertThat(result.alreadyStored()).isFalse();
        assertThat(result.file().name()).isEqualTo("trip.csv");
        assertThat(result.file().sizeBytes()).isEqualTo(content.length);
        assertThat(result.file().sha256()).isEqualTo(sha256(content));
        assertThat(result.file().createdBy()).isEqualTo("acme-member");
        assertThat(actors.as("acme-viewer", () -> readAll(files.open(result.file().id())))).isEqualTo(content);
        assertThat(actors.as("acme-viewer", () -> files.metadata(result.file().id()))).isEqualTo(result.file());
    }

    @Test
    void theSameBytesAreStoredOncePerTenantAndTheSecondStoreSaysSo() {
        byte[] content = unique("twice");
        StoreResult first = actors.as("acme-member", () -> files.store(NewFile.named("first.csv"), new ByteArrayInputStream(content)));
        StoreResult second = actors.as("acme-pm", () -> files.store(NewFile.named("second.csv"), new ByteArrayInputStream(content)));
        assertThat(second.alreadyStored()).isTrue();
        assertThat(second.file()).isEqualTo(first.file());
        assertThat(rowsWithHash(first.file().sha256())).isEqualTo(1);
        assertThat(blobFiles(tenantFolder("acme")).filter(p -> p.getFileName().toString().equals(first.file().sha256())).count()).isEqualTo(1);
    }

    @Test
    void globexCannotOpenAcmesFileByIdEvenWhenItHoldsTheSameBytes() throws IOException {
        // The demo world stores the same bytes in both tenants.
        StoreResult acme = actors.as("acme-member", () -> files.store(NewFile.named("churn.csv"), new ByteArrayInputStream(DemoWorld.SHARED_FILE_CONTENT)));
        StoreResult globex = actors.as("globex-member", () -> files.store(NewFile.named("churn.csv"), new ByteArrayInputStream(DemoWorld.SHARED_FILE_CONTENT)));
        assertThat(acme.alreadyStored()).isTrue();
        assertThat(globex.alreadyStored()).isTrue();
        assertThat(globex.file().sha256()).isEqualTo(acme.file().sha256());
        assertThat(globex.file().id()).as("each tenant has its own file").isNotEqualTo(acme.file().id());
        UUID acmeId = acme.file().id();
        assertThatThrownBy(() -> actors.as("globex-member", () -> files.open(acmeId))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors.as("globex-member", () -> files.metadata(acmeId))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actors.as("globex-admin", () -> {
            files.delete(acmeId, "a privacy request naming Acme's file");
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThat(actors.as("acme-member", () -> readAll(files.open(acmeId)))).isEqualTo(DemoWorld.SHARED_FILE_CONTENT);
        assertThat(tenantFolder("acme")).isNotEqualTo(tenantFolder("globex"));
    }

    @Test
    void withNoTenantInScopeNothingIsStoredOrOpened() {
        Actors.signOut();
        assertThatThrownBy(() -> files.store(NewFile.named("x.csv"), new ByteArrayInputStream(unique("none"))))
                .isInstanceOf(NoTenantInScopeException.class);
        assertThatThrownBy(() -> files.open(UUID.randomUUID())).isInstanceOf(NoTenantInScopeException.class);
    }

    @Test
    void theTenantsOwnLimitHoldsAndWithoutOneThePlatformDefault() {
        assertThat(actors.as("acme-member", () -> files.uploadLimit())).as("the demo world's limit").isEqualTo(DemoWorld.DEMO_UPLOAD_LIMIT);
        actors.run("acme-admin", () -> limits.setTenantLimit(null));
        assertThat(actors.as("acme-member", () -> files.uploadLimit())).as("the platform default of this test").isEqualTo(1024 * 1024);
        assertThat(actors.as("globex-member", () -> files.uploadLimit())).as("Globex keeps its own").isEqualTo(DemoWorld.DEMO_UPLOAD_LIMIT);
        byte[] overDefault = new byte[1024 * 1024 + 1];
        assertThatThrownBy(() -> actors.as("acme-member", () -> files.store(NewFile.named("big.bin"), new ByteArrayInputStream(overDefault))))
                .isInstanceOf(FileTooLargeException.class).hasMessage("\"big.bin\" is larger than the upload limit of 1 MB.");
        actors.run("acme-admin", () -> limits.setTenantLimit(2L * 1024));
        byte[] overTenant = new byte[2 * 1024 + 1];
        assertThatThrownBy(() -> actors.as("acme-member", () -> files.store(NewFile.named("small.bin"), new ByteArrayInputStream(overTenant))))
                .isInstanceOf(FileTooLargeException.class).hasMessageContaining("the upload limit of 2 KB");
        assertThat(stagingFiles("acme")).as("nothing staged is left behind").isEmpty();
    }

    @Test
    void aLimitAboveThePlatformCeilingOrBelowOneKilobyteIsRefusedAndOnlyATenantAdminSetsOne() {
        assertThatThrownBy(() -> actors.run("acme-admin", () -> limits.setTenantLimit(limits.ceiling() + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The upload limit must lie between 1 KB and 2 GB (the platform's ceiling).");
        assertThatThrownBy(() -> actors.run("acme-admin", () -> limits.setTenantLimit(10L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> actors.run("acme-pm", () -> limits.setTenantLimit(4096L))).isInstanceOf(AccessDeniedException.class);
        assertThat(actors.as("acme-member", () -> files.uploadLimit())).isEqualTo(DemoWorld.DEMO_UPLOAD_LIMIT);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAByteIsRead() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read although its declared length was over the limit");
            }
        };
        assertThatThrownBy(() -> actors.as("acme-member", () -> files.store(new NewFile("declared.bin", null, DemoWorld.DEMO_UPLOAD_LIMIT + 1),
                untouchable))).isInstanceOf(FileTooLargeException.class).hasMessageContaining("50 MB");
    }

    @Test
    void anAbortedUploadLeavesNoRowAndNoFile() {
        long rowsBefore = acmeRows();
        InputStream abortedHalfWay = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 200_000) {
                    throw new IOException("Connection reset by peer");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> actors.as("acme-member", () -> files.store(NewFile.named("aborted.csv"), abortedHalfWay)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("\"aborted.csv\" did not complete");
        assertThat(acmeRows()).isEqualTo(rowsBefore);
        assertThat(stagingFiles("acme")).isEmpty();
    }

    @Test
    void aRefusedArchiveLeavesNoRowAndNoFileAndAGoodOneIsMarkedAsArchive() throws IOException {
        long rowsBefore = acmeRows();
        byte[] escaping = zip("../../etc/cron.d/evil", unique("escape"));
        assertThatThrownBy(() -> actors.as("acme-member", () -> files.store(NewFile.named("escape.zip"), new ByteArrayInputStream(escaping))))
                .isInstanceOf(ArchiveRejectedException.class).hasMessageContaining("\"../../etc/cron.d/evil\": paths with \"..\" are not allowed");
        assertThat(acmeRows()).isEqualTo(rowsBefore);
        assertThat(blobFiles(tenantFolder("acme")).filter(p -> p.getFileName().toString().equals(sha256(escaping)))).isEmpty();
        assertThat(stagingFiles("acme")).isEmpty();

        byte[] good = zip("data/train.csv", unique("a,b\n1,2\n"));
        StoreResult stored = actors.as("acme-member", () -> files.store(NewFile.named("good.zip"), new ByteArrayInputStream(good)));
        assertThat(stored.file().archive()).isTrue();
    }

    @Test
    void aTenantAdminDeletesAFileForAPrivacyRequestAuditedAndNobodyElseMay() {
        byte[] content = unique("personal data");
        UUID id = actors.as("acme-member", () -> files.store(NewFile.named("people.csv"), new ByteArrayInputStream(content))).file().id();
        assertThatThrownBy(() -> actors.run("acme-pm", () -> files.delete(id, "privacy request 17"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actors.run("acme-admin", () -> files.delete(id, " "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a reason");
        actors.run("acme-admin", () -> files.delete(id, "privacy request 17"));
        assertThatThrownBy(() -> actors.as("acme-member", () -> files.metadata(id))).isInstanceOf(NotFoundException.class);
        assertThat(blobFiles(tenantFolder("acme")).filter(p -> p.getFileName().toString().equals(sha256(content)))).as("content gone").isEmpty();
        var entry = TenantScope.callAsPlatform(() -> dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ACTION.eq("file.delete"))
                .and(AUDIT_ENTRY.TARGET.contains(id.toString())).fetchSingle());
        assertThat(entry.getActor()).isEqualTo("acme-admin");
        assertThat(entry.getDetail()).isEqualTo("privacy request 17");
        assertThat(entry.getTenantId()).isEqualTo(world.tenantId("acme"));
    }

    // ---- helpers ----

    private static byte[] unique(String text) {
        return (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long acmeRows() {
        UUID acme = world.tenantId("acme");
        return TenantScope.callAsPlatform(() -> dsl.fetchCount(STORED_FILE, STORED_FILE.TENANT_ID.eq(acme)));
    }

    private int rowsWithHash(String sha256) {
        UUID acme = world.tenantId("acme");
        return TenantScope.callAsPlatform(() -> dsl.fetchCount(STORED_FILE, STORED_FILE.TENANT_ID.eq(acme).and(STORED_FILE.SHA256.eq(sha256))));
    }

    private Path tenantFolder(String slug) {
        return blobs.root().resolve(world.tenantId(slug).toString());
    }

    private List<Path> stagingFiles(String slug) {
        Path staging = tenantFolder(slug).resolve(FilesystemBlobStore.STAGING);
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> parts = Files.list(staging)) {
            return parts.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> blobFiles(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
