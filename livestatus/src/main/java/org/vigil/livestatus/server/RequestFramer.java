package org.vigil.livestatus.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads one request after another from a connection: lines up to an empty line, or up to the end of the input (a
 * client that sends its request and shuts down its side, as {@code unixcat} does). Empty lines before a request are
 * skipped. A request longer than the limit is refused as soon as it is, without reading the rest.
 */
final class RequestFramer {

    /** A request over the size limit. */
    static final class TooLarge extends IOException {
        TooLarge(int limit) {
            super("the request is larger than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private boolean ended;

    RequestFramer(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Waits for the first byte of the next request; false at the end of the input. */
    boolean awaitNext() throws IOException {
        while (!ended) {
            in.mark(1);
            int b = in.read();
            if (b < 0) {
                ended = true;
            } else if (b != '\n' && b != '\r') {
                in.reset();
                return true;
            }
        }
        return false;
    }

    /** The next request's text without its empty line (lines joined by \n); empty at the end of the input. */
    Optional<String> next() throws IOException {
        if (!awaitNext()) {
            return Optional.empty();
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream(256);
        int lineLength = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                ended = true;
                break;
            }
            if (text.size() >= maxBytes) {
                throw new TooLarge(maxBytes);
            }
            if (b == '\n') {
                if (lineLength == 0) {
                    break;
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
            text.write(b);
        }
        String s = text.toString(StandardCharsets.UTF_8).replace("\r", "");
        return Optional.of(s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
    }
}
