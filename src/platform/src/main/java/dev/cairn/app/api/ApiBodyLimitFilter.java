package dev.cairn.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's body size limit (SECURITY.md item 18), checked before the body is read: a declared
 * Content-Length over the limit is refused at once; a body without one (chunked) is counted while it
 * is read and fails as soon as it passes the limit.
 *
 * <p>Only JSON bodies (and bodies that name no type) are limited here. Any other type reaches only an
 * endpoint that consumes it, or is refused with 415 unread: the place for the file upload endpoint
 * (POST /api/v1/files, multipart or octet-stream), which enforces the file store's own, larger limit
 * (SECURITY.md item 15) while it streams.
 */
final class ApiBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    ApiBodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static String message(long maxBytes) {
        return "The request body is larger than the limit of " + maxBytes + " bytes (cairn.api.json.max-body-bytes).";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String mediaType = type.toLowerCase(java.util.Locale.ROOT);
        return !(mediaType.startsWith("application/json") || mediaType.contains("+json"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ApiProblems.write(request, response, HttpStatus.BAD_REQUEST, message(maxBytes));
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    /** Thrown while reading a body that passes the limit; the API's exception handler answers 400. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super(message(maxBytes));
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        Counting(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
