package org.vigil.checks.builtin.io;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A UDP socket connected to one peer that a built-in check sends and receives on without a thread of its own: a
 * non-blocking {@link DatagramChannel} that {@link BuiltinIo}'s one datagram thread waits on. Deadlines are {@link
 * System#nanoTime()} values kept by {@link BuiltinIo}'s timer; a future fails with {@link IoTimeout} when its
 * deadline passes first, with {@link PortUnreachableException} when the kernel heard that nothing listens at the
 * peer's port (an ICMP answer to an earlier datagram). One send and one receive at a time. The futures complete on
 * the datagram thread: what follows them must not block.
 */
public final class AsyncDatagram implements AutoCloseable {

    private final BuiltinIo io;
    private final DatagramLoop loop;
    private final DatagramChannel channel;
    // what follows is the loop thread's alone
    private SelectionKey key;
    private boolean closed;
    private Pending receiving;
    private Pending sending;

    /** A send or receive waiting for its channel to be ready; a receive without a buffer gives the datagram. */
    private record Pending(CompletableFuture<Object> done, ByteBuffer buffer, ScheduledFuture<?> alarm) {
    }

    AsyncDatagram(BuiltinIo io, DatagramLoop loop, DatagramChannel channel) {
        this.io = io;
        this.loop = loop;
        this.channel = channel;
        loop.execute(this::register);
    }

    /** Sends all of {@code src} as one datagram. */
    public CompletableFuture<Void> send(ByteBuffer src, long deadline) {
        return start(src, deadline, false).thenApply(n -> null);
    }

    /**
     * Receives one datagram from the peer into {@code dst}: its length (0 for an empty one); what does not fit in
     * {@code dst.remaining()} is lost, as {@link DatagramChannel#receive} loses it.
     */
    public CompletableFuture<Integer> receive(ByteBuffer dst, long deadline) {
        return start(dst, deadline, true).thenApply(n -> (Integer) n);
    }

    /**
     * Receives one datagram from the peer: its bytes, whatever its size. No buffer waits with the receive (the
     * datagram thread reads into one of its own and copies), so many sockets waiting at once cost little memory.
     */
    public CompletableFuture<byte[]> receive(long deadline) {
        return start(null, deadline, true).thenApply(bytes -> (byte[]) bytes);
    }

    /** Closes the socket; a send or receive in progress fails with {@link AsynchronousCloseException}. Never throws. */
    @Override
    public void close() {
        loop.execute(() -> {
            closed = true;
            if (key != null) {
                key.cancel();
            }
            fail(receiving, new AsynchronousCloseException());
            fail(sending, new AsynchronousCloseException());
            receiving = null;
            sending = null;
            try {
                channel.close();
            } catch (IOException e) {
                // closing a socket we are done with: nothing to tell
            }
        });
    }

    private CompletableFuture<Object> start(ByteBuffer buffer, long deadline, boolean receive) {
        if (deadline - System.nanoTime() <= 0) {
            return CompletableFuture.failedFuture(new IoTimeout());
        }
        CompletableFuture<Object> done = new CompletableFuture<>();
        ScheduledFuture<?> alarm = io.at(deadline, () -> loop.execute(() -> timeOut(done)));
        Pending p = new Pending(done, buffer, alarm);
        loop.execute(() -> begin(p, receive));
        return done;
    }

    private void register() {
        try {
            key = channel.register(loop.selector(), 0, this);
        } catch (ClosedChannelException e) {
            closed = true; // closed before the loop came to it: every operation fails as on a closed channel
        }
    }

    private void begin(Pending p, boolean receive) {
        if (p.done.isDone()) { // timed out before the loop came to it
            return;
        }
        if (closed || key == null) {
            finish(p, null, new ClosedChannelException());
            return;
        }
        if ((receive ? receiving : sending) != null) {
            finish(p, null, new IOException((receive ? "a receive" : "a send") + " is in progress already"));
            return;
        }
        if (!attempt(p, receive)) {
            if (receive) {
                receiving = p;
            } else {
                sending = p;
            }
            interest();
        }
    }

    /** Called by the loop when the channel is ready for what {@code readyOps} says. */
    void ready(int readyOps) {
        if (receiving != null && (readyOps & SelectionKey.OP_READ) != 0 && attempt(receiving, true)) {
            receiving = null;
        }
        if (sending != null && (readyOps & SelectionKey.OP_WRITE) != 0 && attempt(sending, false)) {
            sending = null;
        }
        interest();
    }

    /** Tries the operation now: whether it is over (done or failed). */
    private boolean attempt(Pending p, boolean receive) {
        try {
            if (receive && p.buffer == null) {
                ByteBuffer scratch = loop.scratch().clear();
                if (channel.receive(scratch) == null) {
                    return false;
                }
                finish(p, Arrays.copyOf(scratch.array(), scratch.position()), null);
            } else if (receive) {
                int before = p.buffer.position();
                if (channel.receive(p.buffer) == null) {
                    return false;
                }
                finish(p, p.buffer.position() - before, null);
            } else {
                int n = channel.write(p.buffer);
                if (n == 0 && p.buffer.hasRemaining()) {
                    return false;
                }
                finish(p, n, null);
            }
        } catch (IOException e) {
            finish(p, null, e);
        }
        return true;
    }

    private void timeOut(CompletableFuture<Object> done) {
        if (receiving != null && receiving.done == done) {
            receiving = null;
        } else if (sending != null && sending.done == done) {
            sending = null;
        }
        interest();
        done.completeExceptionally(new IoTimeout());
    }

    private void interest() {
        if (key == null || !key.isValid()) {
            return;
        }
        key.interestOps((receiving == null ? 0 : SelectionKey.OP_READ) | (sending == null ? 0 : SelectionKey.OP_WRITE));
    }

    private static void finish(Pending p, Object value, Throwable failure) {
        p.alarm.cancel(false);
        if (failure == null) {
            p.done.complete(value);
        } else {
            p.done.completeExceptionally(failure);
        }
    }

    private static void fail(Pending p, Throwable failure) {
        if (p != null) {
            finish(p, null, failure);
        }
    }
}
