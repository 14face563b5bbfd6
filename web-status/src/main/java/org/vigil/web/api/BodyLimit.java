package org.vigil.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over {@code limits.max_request_body_bytes} with a 413, before anyone reads them or asks
 * who sent them: a declared {@code Content-Length} at once, a chunked body as soon as its reader passes the limit.
 * The error mappers answer it in JSON for the API and as a page elsewhere.
 */
@PreMatching
@Priority(100) // before authentication (1000): a stranger's huge body is not read while checking a password
public final class BodyLimit implements ContainerRequestFilter {

    private final long maxBytes;

    public BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "payload too large", "the request body is larger than the " + maxBytes
                + " bytes allowed (limits.max_request_body_bytes in vigil.yml); comments may have "
                + org.vigil.engine.command.CommandLimits.MAX_COMMENT_BYTES + " bytes, see docs/api.md");
    }

    /** A body stream that fails with the 413 once more than {@code max} bytes have been read from it. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }
    }
}
