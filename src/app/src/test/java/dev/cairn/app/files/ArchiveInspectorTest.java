package dev.cairn.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.files.ArchiveRejectedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** SECURITY.md 15: archives are checked for entry count, total size and paths; each refusal names the entry and the rule. */
class ArchiveInspectorTest {

    private static final int MAX_ENTRIES = 5;
    private static final long MAX_TOTAL = 1024 * 1024;

    @TempDir
    Path folder;

    private final ArchiveInspector inspector = new ArchiveInspector(new FilesProperties.Archive(MAX_ENTRIES, DataSize.ofBytes(MAX_TOTAL)));

    @Test
    void aWellFormedZipTarAndTarGzAreAccepted() throws IOException {
        assertThat(inspector.check(zip(z -> {
            dir(z, "data/");
            file(z, "data/train.csv", "a,b\n1,2\n");
        }))).isEqualTo(ArchiveInspector.Kind.ZIP);
        assertThat(inspector.check(tar(false, t -> tarFile(t, "data/train.csv", "a,b\n")))).isEqualTo(ArchiveInspector.Kind.TAR);
        assertThat(inspector.check(tar(true, t -> tarFile(t, "data/train.csv", "a,b\n")))).isEqualTo(ArchiveInspector.Kind.TAR_GZ);
    }

    @Test
    void contentThatIsNoArchivePassesUnchecked() throws IOException {
        assertThat(inspector.check(Files.writeString(folder.resolve("plain.csv"), "a,b\n1,2\n"))).isEqualTo(ArchiveInspector.Kind.NONE);
        Path gzip = folder.resolve("plain.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(inspector.check(gzip)).as("a compressed file that holds no tar").isEqualTo(ArchiveInspector.Kind.NONE);
    }

    @Test
    void tooManyEntriesAreRefusedNamingTheFirstEntryOverTheLimit() throws IOException {
        Path many = zip(z -> {
            for (int i = 1; i <= MAX_ENTRIES + 1; i++) {
                file(z, "f" + i + ".txt", "x");
            }
        });
        assertThatThrownBy(() -> inspector.check(many)).isInstanceOf(ArchiveRejectedException.class)
                .hasMessage("The archive was refused at entry \"f6.txt\": the archive holds more than 5 entries, the limit.");
    }

    @Test
    void aZipBombIsRefusedByTheBytesItActuallyInflatesToWhateverItDeclares() throws IOException {
        Path bomb = zip(z -> file(z, "zeros.bin", "\0".repeat(4 * 1024 * 1024)));
        forgeDeclaredSizes(bomb, 10);
        assertThatThrownBy(() -> inspector.check(bomb)).isInstanceOf(ArchiveRejectedException.class)
                .hasMessage("The archive was refused at entry \"zeros.bin\": the entries inflate to more than 1 MB, the limit for archives.")
                .satisfies(e -> assertThat(((ArchiveRejectedException) e).entry()).isEqualTo("zeros.bin"));
        Path tarBomb = tar(true, t -> tarFile(t, "zeros.bin", "\0".repeat(2 * 1024 * 1024)));
        assertThatThrownBy(() -> inspector.check(tarBomb)).hasMessageContaining("\"zeros.bin\": the entries inflate to more than 1 MB");
    }

    @Test
    void theTotalCountsEveryEntryTogether() throws IOException {
        Path split = zip(z -> {
            file(z, "a.bin", "\0".repeat(600 * 1024));
            file(z, "b.bin", "\0".repeat(600 * 1024));
        });
        assertThatThrownBy(() -> inspector.check(split)).hasMessageContaining("\"b.bin\": the entries inflate to more than 1 MB");
    }

    @Test
    void absolutePathsAndDotDotAreRefused() throws IOException {
        for (String name : new String[] {"/etc/passwd", "C:/boot.ini"}) {
            Path archive = zip(z -> file(z, name, "x"));
            assertThatThrownBy(() -> inspector.check(archive)).as(name)
                    .hasMessage("The archive was refused at entry \"" + name + "\": absolute paths are not allowed.");
        }
        for (String name : new String[] {"../evil.sh", "data/../../evil.sh"}) {
            Path archive = zip(z -> file(z, name, "x"));
            assertThatThrownBy(() -> inspector.check(archive)).as(name)
                    .hasMessage("The archive was refused at entry \"" + name + "\": paths with \"..\" are not allowed.");
        }
        // Writers such as commons-compress turn backslashes into slashes; names read from other archives may keep them.
        assertThatThrownBy(() -> ArchiveInspector.checkPath("\\windows\\system.ini")).hasMessageContaining("absolute paths are not allowed");
        assertThatThrownBy(() -> ArchiveInspector.checkPath("data\\..\\evil.sh")).hasMessageContaining("paths with \"..\" are not allowed");
        Path tarEscape = tar(false, t -> tarFile(t, "../evil.sh", "x"));
        assertThatThrownBy(() -> inspector.check(tarEscape)).hasMessageContaining("\"../evil.sh\": paths with \"..\" are not allowed");
    }

    @Test
    void symbolicLinksInZipAndTarAreRefused() throws IOException {
        Path zipLink = zip(z -> {
            ZipArchiveEntry link = new ZipArchiveEntry("passwd");
            link.setUnixMode(0120777);
            z.putArchiveEntry(link);
            z.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            z.closeArchiveEntry();
        });
        assertThatThrownBy(() -> inspector.check(zipLink))
                .hasMessage("The archive was refused at entry \"passwd\": symbolic links are not allowed.");
        Path tarLink = tar(false, t -> {
            TarArchiveEntry link = new TarArchiveEntry("passwd", TarConstants.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            t.putArchiveEntry(link);
            t.closeArchiveEntry();
        });
        assertThatThrownBy(() -> inspector.check(tarLink)).hasMessageContaining("\"passwd\": symbolic links are not allowed");
        Path hardLink = tar(false, t -> {
            TarArchiveEntry link = new TarArchiveEntry("shadow", TarConstants.LF_LINK);
            link.setLinkName("/etc/shadow");
            t.putArchiveEntry(link);
            t.closeArchiveEntry();
        });
        assertThatThrownBy(() -> inspector.check(hardLink)).hasMessageContaining("\"shadow\": hard links are not allowed");
    }

    @Test
    void deviceEntriesAreRefused() throws IOException {
        Path tarDevice = tar(false, t -> {
            TarArchiveEntry device = new TarArchiveEntry("dev/sda", TarConstants.LF_BLK);
            t.putArchiveEntry(device);
            t.closeArchiveEntry();
        });
        assertThatThrownBy(() -> inspector.check(tarDevice))
                .hasMessage("The archive was refused at entry \"dev/sda\": device and other special entries are not allowed.");
        Path tarFifo = tar(false, t -> {
            t.putArchiveEntry(new TarArchiveEntry("pipe", TarConstants.LF_FIFO));
            t.closeArchiveEntry();
        });
        assertThatThrownBy(() -> inspector.check(tarFifo)).hasMessageContaining("\"pipe\": device and other special entries");
        Path zipDevice = zip(z -> {
            ZipArchiveEntry device = new ZipArchiveEntry("tty");
            device.setUnixMode(0020644);
            z.putArchiveEntry(device);
            z.closeArchiveEntry();
        });
        assertThatThrownBy(() -> inspector.check(zipDevice)).hasMessageContaining("\"tty\": device and other special entries");
    }

    // ---- archives built for the tests ----

    interface ZipBody {
        void write(ZipArchiveOutputStream zip) throws IOException;
    }

    interface TarBody {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private Path zip(ZipBody body) throws IOException {
        Path file = Files.createTempFile(folder, "archive", ".zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            body.write(zip);
        }
        return file;
    }

    private Path tar(boolean gzip, TarBody body) throws IOException {
        Path file = Files.createTempFile(folder, "archive", gzip ? ".tar.gz" : ".tar");
        OutputStream raw = Files.newOutputStream(file);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
            body.write(tar);
        }
        return file;
    }

    private static void file(ZipArchiveOutputStream zip, String name, String content) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
    }

    private static void dir(ZipArchiveOutputStream zip, String name) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.closeArchiveEntry();
    }

    private static void tarFile(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    /** Rewrites the uncompressed size in every local and central header, as a zip bomb would. */
    private static void forgeDeclaredSizes(Path zip, int declared) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int forged = 0;
        for (int i = 0; i + 4 <= bytes.length; i++) {
            int signature = buffer.getInt(i);
            if (signature == 0x04034b50 && i + 26 <= bytes.length) {
                buffer.putInt(i + 22, declared);
                forged++;
            } else if (signature == 0x02014b50 && i + 28 <= bytes.length) {
                buffer.putInt(i + 24, declared);
                forged++;
            }
        }
        assertThat(forged).as("headers forged").isGreaterThanOrEqualTo(2);
        Files.write(zip, bytes);
    }
}
