package dev.cairn.app.files;

import dev.cairn.api.files.ArchiveRejectedException;
import dev.cairn.api.files.FileSizes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Checks an archive (zip, tar, tar.gz) before the file store accepts it (SECURITY.md 15): how many
 * entries, how many bytes they actually inflate to (read through, never the sizes the archive
 * declares, which a zip bomb forges), and each entry's path and kind (no absolute path, no "..",
 * no links, no devices). Content that is none of these kinds is not an archive and passes.
 */
final class ArchiveInspector {

    enum Kind { ZIP, TAR, TAR_GZ, NONE }

    private static final int TAR_HEADER = 512;
    private final int maxEntries;
    private final long maxTotalBytes;

    ArchiveInspector(FilesProperties.Archive limits) {
        this.maxEntries = limits.maxEntries();
        this.maxTotalBytes = limits.maxTotalSize().toBytes();
    }

    /** Checks the file if it is an archive; returns its kind ({@link Kind#NONE} for any other content). */
    Kind check(Path file) throws IOException {
        Kind kind = kindOf(file);
        switch (kind) {
            case ZIP -> checkZip(file);
            case TAR -> checkTar(new BufferedInputStream(Files.newInputStream(file)));
            case TAR_GZ -> checkTar(new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(file))));
            case NONE -> { }
        }
        return kind;
    }

    static Kind kindOf(Path file) throws IOException {
        byte[] head = readHead(Files.newInputStream(file));
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)) {
            return Kind.ZIP;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            byte[] inner;
            try {
                inner = readHead(new GzipCompressorInputStream(Files.newInputStream(file)));
            } catch (IOException notGzipAfterAll) {
                return Kind.NONE;
            }
            return TarArchiveInputStream.matches(inner, inner.length) ? Kind.TAR_GZ : Kind.NONE;
        }
        return TarArchiveInputStream.matches(head, head.length) ? Kind.TAR : Kind.NONE;
    }

    private void checkZip(Path file) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            Totals totals = new Totals();
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                totals.count(entry.getName());
                checkPath(entry.getName());
                if (entry.isUnixSymlink()) {
                    throw new ArchiveRejectedException(entry.getName(), "symbolic links are not allowed");
                }
                if (isSpecialUnixMode(entry.getUnixMode())) {
                    throw new ArchiveRejectedException(entry.getName(), "device and other special entries are not allowed");
                }
                if (!entry.isDirectory()) {
                    try (InputStream content = zip.getInputStream(entry)) {
                        totals.inflate(entry.getName(), content);
                    }
                }
            }
        }
    }

    private void checkTar(InputStream raw) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            Totals totals = new Totals();
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                totals.count(entry.getName());
                checkPath(entry.getName());
                if (entry.isSymbolicLink()) {
                    throw new ArchiveRejectedException(entry.getName(), "symbolic links are not allowed");
                }
                if (entry.isLink()) {
                    throw new ArchiveRejectedException(entry.getName(), "hard links are not allowed");
                }
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    throw new ArchiveRejectedException(entry.getName(), "device and other special entries are not allowed");
                }
                if (entry.isFile()) {
                    totals.inflate(entry.getName(), tar);
                }
            }
        }
    }

    static void checkPath(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new ArchiveRejectedException(name, "an empty name or a name with a NUL character is not allowed");
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            throw new ArchiveRejectedException(name, "absolute paths are not allowed");
        }
        if (Arrays.asList(name.split("[/\\\\]")).contains("..")) {
            throw new ArchiveRejectedException(name, "paths with \"..\" are not allowed");
        }
    }

    /** A unix file type other than regular file, directory or symbolic link: devices, FIFOs, sockets. */
    private static boolean isSpecialUnixMode(int mode) {
        int type = mode & 0170000;
        return type != 0 && type != 0100000 && type != 0040000 && type != 0120000;
    }

    private static byte[] readHead(InputStream in) throws IOException {
        try (in) {
            return in.readNBytes(TAR_HEADER);
        }
    }

    private final class Totals {
        private int entries;
        private long bytes;
        private final byte[] buffer = new byte[LimitedDigestCopy.BUFFER_SIZE];

        void count(String entry) {
            if (++entries > maxEntries) {
                throw new ArchiveRejectedException(entry, "the archive holds more than " + maxEntries + " entries, the limit");
            }
        }

        void inflate(String entry, InputStream content) throws IOException {
            int read;
            while ((read = content.read(buffer)) != -1) {
                bytes += read;
                if (bytes > maxTotalBytes) {
                    throw new ArchiveRejectedException(entry, "the entries inflate to more than "
                            + FileSizes.format(maxTotalBytes) + ", the limit for archives");
                }
            }
        }
    }
}
