package dev.cairn.plugin.data.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a byte stream and refuses the first invalid byte with its offset and line
 * ({@link MalformedContentException}). InputStreamReader would report the error without either, or
 * replace the byte silently.
 */
final class StrictDecodingReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    /** Offset in the file of bytes[0]. */
    private long base;
    private long line = 1;
    private boolean endOfInput;
    private boolean flushed;

    /** @param skipped bytes already read from {@code in} before it was handed over (a byte-order mark) */
    StrictDecodingReader(InputStream in, Charset charset, long skipped) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.base = skipped;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (out.position() == offset) {
            if (flushed) {
                return -1;
            }
            if (!endOfInput && bytes.remaining() < 16) {
                fill();
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                throw new MalformedContentException(base + bytes.position(), line + newlines(target, offset, out.position()));
            }
            if (endOfInput && !bytes.hasRemaining() && result.isUnderflow()) {
                decoder.flush(out);
                flushed = true;
            } else if (result.isUnderflow() && !endOfInput) {
                fill();
            }
        }
        line += newlines(target, offset, out.position());
        return out.position() - offset;
    }

    private void fill() throws IOException {
        base += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private static int newlines(char[] chars, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (chars[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
