package dev.cairn.plugin.data;

import dev.cairn.api.files.FileTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload written to a temporary file while it is checked, so that a refused one never reaches the
 * file store (nothing to clean up there) and the whole is never in memory. Counted against the
 * tenant's upload limit and hashed while it streams; deleted on close.
 */
final class Spool implements AutoCloseable {

    private final Path file;
    private final long size;
    private final String sha256;

    private Spool(Path file, long size, String sha256) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    static Spool of(InputStream content, Path directory, long limit, String name) {
        Path file = null;
        try {
            file = directory == null ? Files.createTempFile("cairn-upload-", ".part")
                    : Files.createTempFile(Files.createDirectories(directory), "cairn-upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                int n;
                while ((n = content.read(buffer)) >= 0) {
                    size += n;
                    if (size > limit) {
                        throw new FileTooLargeException(name, limit);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new Spool(file, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException failed) {
            deleteQuietly(file);
            if (failed instanceof IOException io) {
                throw new UncheckedIOException("The upload of \"" + name + "\" did not complete: " + io.getMessage(), io);
            }
            throw (RuntimeException) failed;
        } catch (NoSuchAlgorithmException impossible) {
            deleteQuietly(file);
            throw new IllegalStateException(impossible);
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file; the system's cleaner takes what is left.
            }
        }
    }
}
