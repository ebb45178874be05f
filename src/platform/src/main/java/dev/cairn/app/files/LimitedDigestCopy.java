package dev.cairn.app.files;

import dev.cairn.api.files.FileTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a stream through a fixed buffer while it computes the SHA-256 and counts the bytes, and
 * stops as soon as the count passes the limit: at most one buffer beyond the limit is ever read,
 * and never more than one buffer is held in memory.
 */
final class LimitedDigestCopy {

    static final int BUFFER_SIZE = 64 * 1024;

    private LimitedDigestCopy() {
    }

    record Copied(String sha256, long size) {
    }

    static Copied copy(InputStream in, OutputStream out, long limit, String fileName) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int read;
        while ((read = in.read(buffer, 0, buffer.length)) != -1) {
            total += read;
            if (total > limit) {
                throw new FileTooLargeException(fileName, limit);
            }
            digest.update(buffer, 0, read);
            out.write(buffer, 0, read);
        }
        return new Copied(HexFormat.of().formatHex(digest.digest()), total);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
