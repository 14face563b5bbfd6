package org.vigil.checks.builtin.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.vigil.checks.builtin.io.AsyncStream;
import org.vigil.checks.builtin.io.IoTimeout;

/**
 * Reads a response as check_http does: everything until the server closes (its Content-Length and chunks are
 * {@link HttpVerdict}'s business afterwards), each NUL made a blank. A reset ends the page with what came before it,
 * as the plugin's recv loop ends; any other failed read is the plugin's "Error on receive" (an empty result); the
 * deadline passing fails the read with {@link IoTimeout}. Each read waits on the event loop, not on a thread.
 */
final class ResponseReader {

    private final AsyncStream stream;
    private final long deadline;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private final ByteArrayOutputStream page = new ByteArrayOutputStream();
    private final CompletableFuture<Optional<String>> read = new CompletableFuture<>();

    private ResponseReader(AsyncStream stream, long deadline) {
        this.stream = stream;
        this.deadline = deadline;
    }

    /** The page read from {@code stream} to its end, or empty when a read failed other than by a reset. */
    static CompletableFuture<Optional<String>> readAll(AsyncStream stream, long deadline) {
        ResponseReader reader = new ResponseReader(stream, deadline);
        reader.next();
        return reader.read;
    }

    private void next() {
        buffer.clear();
        stream.read(buffer, deadline).whenComplete(this::got);
    }

    private void got(Integer n, Throwable failure) {
        if (failure != null) {
            Throwable cause = HttpExchange.cause(failure);
            if (cause instanceof IoTimeout || !(cause instanceof IOException)) {
                read.completeExceptionally(cause);
            } else if (String.valueOf(cause.getMessage()).contains("reset")) {
                read.complete(Optional.of(text()));
            } else {
                read.complete(Optional.empty());
            }
            return;
        }
        if (n < 0) {
            read.complete(Optional.of(text()));
            return;
        }
        byte[] bytes = buffer.array();
        for (int i = 0; i < n; i++) {
            page.write(bytes[i] == 0 ? ' ' : bytes[i]);
        }
        next();
    }

    private String text() {
        return page.toString(StandardCharsets.ISO_8859_1);
    }
}
