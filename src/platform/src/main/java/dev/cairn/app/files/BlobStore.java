package dev.cairn.app.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where file content lives, keyed by tenant and SHA-256. The file store writes new content to a
 * staging place first ({@link #stage}), checks it, and only then {@link Staged#commit commits} it
 * under its hash; a staged blob that is closed without a commit is gone.
 *
 * <p>{@link FilesystemBlobStore} is the one implementation. An S3-compatible store plugs in as
 * another bean of this interface (docs/admin-guide.md, "Files"): it stages to a local file (the
 * archive check needs random access), uploads on commit to {@code <tenant>/<sha256>}, and opens
 * and deletes by that key.
 */
public interface BlobStore {

    /** A new staging place for the tenant's content. */
    Staged stage(UUID tenantId) throws IOException;

    /** The content stored under the hash; {@link java.nio.file.NoSuchFileException} when there is none. */
    InputStream open(UUID tenantId, String sha256) throws IOException;

    boolean exists(UUID tenantId, String sha256) throws IOException;

    /** Deletes the content; true when there was some. */
    boolean delete(UUID tenantId, String sha256) throws IOException;

    /** Content on its way in: written, checked, then committed or discarded by {@link #close}. */
    interface Staged extends AutoCloseable {

        OutputStream output() throws IOException;

        /** The staged bytes as a local file, for checks that need to read them again (archives). */
        Path file();

        /** Moves the staged content into place under its hash, atomically. */
        void commit(String sha256) throws IOException;

        /** Discards the staged content unless it was committed. */
        @Override
        void close() throws IOException;
    }
}
