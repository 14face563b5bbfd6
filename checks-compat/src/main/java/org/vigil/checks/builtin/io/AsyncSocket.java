package org.vigil.checks.builtin.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A plain TCP connection on {@link BuiltinIo}'s channel group. */
final class AsyncSocket implements AsyncStream {

    private final AsynchronousSocketChannel channel;

    AsyncSocket(AsynchronousSocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public CompletableFuture<Integer> read(ByteBuffer dst, long deadline) {
        CompletableFuture<Integer> read = new CompletableFuture<>();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return CompletableFuture.failedFuture(new IoTimeout());
        }
        try {
            channel.read(dst, left, TimeUnit.NANOSECONDS, null, handler(read));
        } catch (RuntimeException e) { // closed, or a read pending: the caller's state is over
            read.completeExceptionally(new IOException(e.toString()));
        }
        return read;
    }

    @Override
    public CompletableFuture<Void> write(ByteBuffer src, long deadline) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        writeRest(src, deadline, written);
        return written;
    }

    private void writeRest(ByteBuffer src, long deadline, CompletableFuture<Void> written) {
        if (!src.hasRemaining()) {
            written.complete(null);
            return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            written.completeExceptionally(new IoTimeout());
            return;
        }
        CompletableFuture<Integer> step = new CompletableFuture<>();
        try {
            channel.write(src, left, TimeUnit.NANOSECONDS, null, handler(step));
        } catch (RuntimeException e) {
            written.completeExceptionally(new IOException(e.toString()));
            return;
        }
        step.whenComplete((n, failure) -> {
            if (failure != null) {
                written.completeExceptionally(failure);
            } else {
                writeRest(src, deadline, written);
            }
        });
    }

    private static CompletionHandler<Integer, Void> handler(CompletableFuture<Integer> future) {
        return new CompletionHandler<>() {
            @Override
            public void completed(Integer n, Void attachment) {
                future.complete(n);
            }

            @Override
            public void failed(Throwable failure, Void attachment) {
                future.completeExceptionally(failure instanceof InterruptedByTimeoutException
                        ? new IoTimeout() : failure);
            }
        };
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    static void closeQuietly(AsynchronousSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket we are done with: nothing to tell
        }
    }
}
