package org.vigil.checks.builtin.curl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.vigil.checks.builtin.http.HttpExchange;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.IoTimeout;

/**
 * Reads a response as libcurl does for check_curl: the header blocks (an interim 1xx block, then the final one),
 * then the body as the final header says: none for HEAD, 204 and 304, the Content-Length's bytes, the chunks
 * decoded ({@link Chunks}), else everything to the server's close. Failures are libcurl's codes and texts (a reply
 * of no whole line, a status line libcurl refuses, a body cut short); the deadline passing fails the read with
 * {@link IoTimeout}. Each read waits on the event loop, not on a thread.
 */
final class CurlResponseReader {

    private enum Part { HEADERS, LENGTH, CHUNKS, TO_CLOSE }

    private final AsyncStream stream;
    private final long deadline;
    private final boolean head;
    private final CurlProgress progress;
    private final Optional<X509Certificate> certificate;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder header = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private final CompletableFuture<CurlResult> result = new CompletableFuture<>();
    private final Chunks chunks = new Chunks();
    private Part part = Part.HEADERS;
    private boolean statusLineNext = true;
    private int code;
    private long contentLength = -1;
    private boolean chunked;
    private long remaining;

    private CurlResponseReader(AsyncStream stream, long deadline, boolean head, CurlProgress progress,
                               Optional<X509Certificate> certificate) {
        this.stream = stream;
        this.deadline = deadline;
        this.head = head;
        this.progress = progress;
        this.certificate = certificate;
    }

    /** The response read from {@code stream} (the answer to a HEAD request when {@code head}). */
    static CompletableFuture<CurlResult> read(AsyncStream stream, long deadline, boolean head, CurlProgress progress,
                                              Optional<X509Certificate> certificate) {
        CurlResponseReader reader = new CurlResponseReader(stream, deadline, head, progress, certificate);
        reader.next();
        return reader.result;
    }

    private void next() {
        buffer.clear();
        stream.read(buffer, deadline).whenComplete(this::got);
    }

    private void got(Integer n, Throwable failure) {
        if (failure != null) {
            Throwable cause = HttpExchange.cause(failure);
            if (cause instanceof IoTimeout || !(cause instanceof IOException)) {
                result.completeExceptionally(cause);
            } else {
                String why = String.valueOf(cause.getMessage());
                result.complete(new CurlResult.Failure(56, "Recv failure: "
                        + (why.toLowerCase(Locale.ROOT).contains("reset") ? "Connection reset by peer" : why)));
            }
            return;
        }
        if (n < 0) {
            result.complete(ended());
            return;
        }
        pending.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
        Optional<CurlResult> done = consume();
        if (done.isPresent()) {
            result.complete(done.get());
        } else {
            next();
        }
    }

    /** Takes what {@link #pending} holds; a result once the response is whole or refused. */
    private Optional<CurlResult> consume() {
        if (part == Part.HEADERS) {
            Optional<CurlResult> refused = headers();
            if (refused.isPresent() || part == Part.HEADERS) {
                return refused;
            }
        }
        switch (part) {
            case LENGTH -> {
                int take = (int) Math.min(remaining, pending.length());
                body.append(pending, 0, take);
                pending.delete(0, take);
                remaining -= take;
                progress.received(take);
                return remaining == 0 ? Optional.of(response()) : Optional.empty();
            }
            case CHUNKS -> {
                Chunks.State state = chunks.feed(pending, body, progress);
                if (state == Chunks.State.MALFORMED) {
                    return Optional.of(new CurlResult.Failure(56,
                            "Illegal or missing hexadecimal sequence in chunked-encoding"));
                }
                return state == Chunks.State.DONE ? Optional.of(response()) : Optional.empty();
            }
            default -> {
                progress.received(pending.length());
                body.append(pending);
                pending.setLength(0);
                return Optional.empty();
            }
        }
    }

    /** Reads header lines; a failure when libcurl would refuse the status line. */
    private Optional<CurlResult> headers() {
        if (statusLineNext && pending.length() > 0) {
            int n = Math.min(5, pending.length());
            if (!pending.substring(0, n).equals("HTTP/".substring(0, n))) {
                return Optional.of(new CurlResult.Failure(1, "Received HTTP/0.9 when not allowed"));
            }
        }
        int newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, newline + 1);
            pending.delete(0, newline + 1);
            header.append(line);
            if (statusLineNext) {
                statusLineNext = false;
                Optional<String> refused = CurlStatusLine.refusal(line);
                if (refused.isPresent()) {
                    return Optional.of(new CurlResult.Failure(1, refused.get()));
                }
                code = CurlStatusLine.code(line);
            } else if (line.equals("\r\n") || line.equals("\n")) {
                if (code >= 100 && code < 200) {
                    statusLineNext = true;
                    contentLength = -1;
                    chunked = false;
                    continue;
                }
                startBody();
                return Optional.empty();
            } else {
                readField(line);
            }
        }
        return Optional.empty();
    }

    private void readField(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return;
        }
        String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip();
        if (name.equals("content-length") && value.matches("[0-9]{1,18}")) {
            contentLength = Long.parseLong(value);
        } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
            chunked = true;
        }
    }

    private void startBody() {
        if (head || code == 204 || code == 304) {
            part = Part.LENGTH;
            remaining = 0;
        } else if (chunked) {
            part = Part.CHUNKS;
        } else if (contentLength >= 0) {
            part = Part.LENGTH;
            remaining = contentLength;
            progress.expect(contentLength);
        } else {
            part = Part.TO_CLOSE;
        }
    }

    /** What the server's close means where the response stands. */
    private CurlResult ended() {
        switch (part) {
            case HEADERS:
                // libcurl keeps the whole header lines it got before the close and drops a line cut short; with
                // none, the reply was empty
                return header.length() > 0 ? response() : new CurlResult.Failure(52, "Empty reply from server");
            case LENGTH:
                return remaining == 0 ? response()
                        : new CurlResult.Failure(18, "transfer closed with " + remaining + " bytes remaining to read");
            case CHUNKS:
                return new CurlResult.Failure(18, "transfer closed with outstanding read data remaining");
            default:
                return response();
        }
    }

    private CurlResult response() {
        stream.close();
        return new CurlResult.Response(header.toString(), body.toString(), code, certificate);
    }
}
