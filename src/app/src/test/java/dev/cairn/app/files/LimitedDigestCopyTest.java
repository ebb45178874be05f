package dev.cairn.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.files.FileTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SECURITY.md 15: the hash is computed while streaming, and a body over the limit is refused without reading it all. */
class LimitedDigestCopyTest {

    @Test
    void theSha256IsComputedWhileTheBytesStreamThrough() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var copied = LimitedDigestCopy.copy(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)), out, 10, "abc.txt");
        assertThat(copied.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(copied.size()).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void contentExactlyAtTheLimitIsAccepted() throws Exception {
        var copied = LimitedDigestCopy.copy(new EndlessStream(1000), OutputStream.nullOutputStream(), 1000, "exact.bin");
        assertThat(copied.size()).isEqualTo(1000);
    }

    @Test
    void aBodyFarOverTheLimitIsRefusedAfterAtMostOneBufferBeyondItAndNeverHeldInMemory() {
        long tenGigabytes = 10L * 1024 * 1024 * 1024;
        long limit = 5L * 1024 * 1024;
        EndlessStream body = new EndlessStream(tenGigabytes);
        assertThatThrownBy(() -> LimitedDigestCopy.copy(body, OutputStream.nullOutputStream(), limit, "huge.bin"))
                .isInstanceOf(FileTooLargeException.class)
                .hasMessage("\"huge.bin\" is larger than the upload limit of 5 MB.")
                .satisfies(e -> assertThat(((FileTooLargeException) e).limitBytes()).isEqualTo(limit));
        assertThat(body.delivered).as("bytes read before the refusal").isLessThanOrEqualTo(limit + LimitedDigestCopy.BUFFER_SIZE);
        assertThat(body.largestRequest).as("the largest single read: the buffer is bounded").isLessThanOrEqualTo(LimitedDigestCopy.BUFFER_SIZE);
    }

    /** A body of any length that exists nowhere: it records how much was asked of it. */
    static final class EndlessStream extends InputStream {
        private final long length;
        long delivered;
        int largestRequest;

        EndlessStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int len) {
            largestRequest = Math.max(largestRequest, len);
            if (delivered >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - delivered);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            delivered += n;
            return n;
        }
    }
}
