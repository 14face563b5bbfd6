package org.vigil.checks.builtin.io;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A connection a built-in check talks on without a thread of its own. Deadlines are {@link System#nanoTime()}
 * values; a future fails with {@link IoTimeout} when its deadline passes first, with another {@link
 * java.io.IOException} when the peer resets or the connection fails. One read and one write at a time. The futures
 * complete on {@link BuiltinIo}'s threads: what follows them must not block.
 */
public interface AsyncStream extends AutoCloseable {

    /** Reads what has come, at most {@code dst.remaining()} bytes, into {@code dst}: the count, or -1 at the end. */
    CompletableFuture<Integer> read(ByteBuffer dst, long deadline);

    /** Writes all of {@code src}. */
    CompletableFuture<Void> write(ByteBuffer src, long deadline);

    /** Closes the connection (a TLS one says close_notify first, without waiting); never throws. */
    @Override
    void close();
}
