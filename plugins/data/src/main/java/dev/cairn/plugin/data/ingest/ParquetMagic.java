package dev.cairn.plugin.data.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parquet by its magic bytes: a Parquet file starts and ends with "PAR1" (its footer's length sits
 * just before the last four). The name only decides which refusal a file that is neither gets.
 */
public final class ParquetMagic {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetMagic() {
    }

    /** "PAR1" at both ends of the file. */
    public static boolean isParquet(Path file) {
        return startsWithMagic(file) && endsWithMagic(file);
    }

    /** "PAR1" at the start: Parquet, or the first part of one (a truncated upload). */
    public static boolean startsWithMagic(Path file) {
        return magicAt(file, false);
    }

    static boolean endsWithMagic(Path file) {
        return magicAt(file, true);
    }

    /** Whether the user named the file as Parquet (.parquet, .parq, .pq). */
    public static boolean namedParquet(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).matches(".*\\.(parquet|parq|pq)$");
    }

    private static boolean magicAt(Path file, boolean end) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 2L * MAGIC.length) {
                return false;
            }
            ByteBuffer four = ByteBuffer.allocate(MAGIC.length);
            long position = end ? size - MAGIC.length : 0;
            while (four.hasRemaining() && channel.read(four, position + four.position()) >= 0) {
                // read until the four bytes are in
            }
            return Arrays.equals(four.array(), MAGIC);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The file could not be read: " + unreadable.getMessage(), unreadable);
        }
    }
}
