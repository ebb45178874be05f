package dev.cairn.app.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs as files: {@code <root>/<tenant>/<first two hex digits>/<sha256>}, staged in
 * {@code <root>/<tenant>/staging/} on the same file system, so the commit is an atomic rename and
 * a reader never sees half a file.
 */
public class FilesystemBlobStore implements BlobStore {

    static final String STAGING = "staging";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public FilesystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Staged stage(UUID tenantId) throws IOException {
        Path staging = Files.createDirectories(tenantFolder(tenantId).resolve(STAGING));
        return new StagedFile(tenantId, Files.createTempFile(staging, "upload-", ".part"));
    }

    @Override
    public InputStream open(UUID tenantId, String sha256) throws IOException {
        return Files.newInputStream(pathOf(tenantId, sha256));
    }

    @Override
    public boolean exists(UUID tenantId, String sha256) {
        return Files.isRegularFile(pathOf(tenantId, sha256));
    }

    @Override
    public boolean delete(UUID tenantId, String sha256) throws IOException {
        return Files.deleteIfExists(pathOf(tenantId, sha256));
    }

    /** Deletes staging files older than the cut-off, left by uploads of a process that died; returns how many. */
    public int deleteStagedBefore(Instant cutOff) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> tenants = Files.list(root)) {
            for (Path staging : tenants.map(t -> t.resolve(STAGING)).filter(Files::isDirectory).toList()) {
                try (Stream<Path> parts = Files.list(staging)) {
                    for (Path part : parts.toList()) {
                        if (Files.getLastModifiedTime(part).toInstant().isBefore(cutOff) && Files.deleteIfExists(part)) {
                            deleted++;
                        }
                    }
                }
            }
        }
        return deleted;
    }

    Path pathOf(UUID tenantId, String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 in lower-case hex: " + sha256);
        }
        return tenantFolder(tenantId).resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private Path tenantFolder(UUID tenantId) {
        return root.resolve(tenantId.toString());
    }

    private final class StagedFile implements Staged {

        private final UUID tenantId;
        private final Path file;
        private boolean committed;

        StagedFile(UUID tenantId, Path file) {
            this.tenantId = tenantId;
            this.file = file;
        }

        @Override
        public OutputStream output() throws IOException {
            return Files.newOutputStream(file);
        }

        @Override
        public Path file() {
            return file;
        }

        @Override
        public void commit(String sha256) throws IOException {
            Path target = pathOf(tenantId, sha256);
            Files.createDirectories(target.getParent());
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException sameContentAlreadyThere) {
                // Some file systems refuse to rename over an existing file: the bytes under a hash are the same bytes.
                if (!Files.isRegularFile(target)) {
                    throw sameContentAlreadyThere;
                }
                Files.deleteIfExists(file);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                Files.deleteIfExists(file);
            }
        }
    }
}
