package dev.cairn.plugin.data.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte-order marks, and whether a sample of bytes is valid UTF-8. */
final class Encodings {

    /** A byte-order mark found at the start of a file: the encoding it names and its length. */
    record Bom(Charset charset, int length) {
    }

    private Encodings() {
    }

    /** The byte-order mark at the start of {@code head}, or null. UTF-8 and UTF-16 (either order). */
    static Bom bom(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Bom(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Bom(StandardCharsets.UTF_16BE, 2);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Bom(StandardCharsets.UTF_16LE, 2);
        }
        return null;
    }

    /**
     * Whether the bytes decode in the charset without error; a sequence cut off by the end of a
     * sample that is not the end of the file is not an error.
     */
    static boolean decodes(byte[] sample, int from, int length, Charset charset, boolean wholeFile) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(Math.max(16, length));
        CoderResult result = decoder.decode(ByteBuffer.wrap(sample, from, length - from), out, wholeFile);
        return !result.isError();
    }

    /** Reads up to {@code max} bytes from the start of the stream. */
    static byte[] head(InputStream in, int max) throws IOException {
        byte[] buffer = in.readNBytes(max);
        return Arrays.copyOf(buffer, buffer.length);
    }
}
