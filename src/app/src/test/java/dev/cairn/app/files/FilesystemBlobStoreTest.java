package dev.cairn.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blobs under their hash, one folder per tenant; staged content appears only when committed. */
class FilesystemBlobStoreTest {

    private static final String HASH = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path root;

    @Test
    void committedContentLivesUnderTheTenantAndItsHashAndTheStagingFileIsGone() throws Exception {
        var store = new FilesystemBlobStore(root);
        UUID tenant = UUID.randomUUID();
        try (var staged = store.stage(tenant)) {
            write(staged, "abc");
            assertThat(store.exists(tenant, HASH)).as("not visible before the commit").isFalse();
            staged.commit(HASH);
        }
        assertThat(root.resolve(tenant.toString()).resolve("ba").resolve(HASH)).hasContent("abc");
        assertThat(filesIn(root.resolve(tenant.toString()).resolve(FilesystemBlobStore.STAGING))).isZero();
        assertThat(store.exists(UUID.randomUUID(), HASH)).as("another tenant has no such blob").isFalse();
    }

    @Test
    void theSameContentCommittedTwiceIsStoredOnce() throws Exception {
        var store = new FilesystemBlobStore(root);
        UUID tenant = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            try (var staged = store.stage(tenant)) {
                write(staged, "abc");
                staged.commit(HASH);
            }
        }
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).toList()).hasSize(1);
        }
    }

    @Test
    void stagedContentClosedWithoutACommitLeavesNothing() throws Exception {
        var store = new FilesystemBlobStore(root);
        UUID tenant = UUID.randomUUID();
        try (var staged = store.stage(tenant)) {
            write(staged, "half an upl");
        }
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void stagingFilesLeftByACrashAreDeletedOnceOldButAnotherUploadsFreshOneIsKept() throws Exception {
        var store = new FilesystemBlobStore(root);
        UUID tenant = UUID.randomUUID();
        Path staging = Files.createDirectories(root.resolve(tenant.toString()).resolve(FilesystemBlobStore.STAGING));
        Path old = Files.writeString(staging.resolve("upload-1.part"), "left by a crash");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path fresh = Files.writeString(staging.resolve("upload-2.part"), "still arriving");
        assertThat(store.deleteStagedBefore(Instant.now().minus(Duration.ofHours(6)))).isEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void aKeyThatIsNotAHashCannotNameAPath() {
        var store = new FilesystemBlobStore(root);
        assertThatThrownBy(() -> store.open(UUID.randomUUID(), "../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void write(BlobStore.Staged staged, String text) throws Exception {
        try (OutputStream out = staged.output()) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static long filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
