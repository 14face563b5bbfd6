package org.vigil.checks.builtin.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads every built-in check waits on, shared by all of them: an asynchronous channel group (epoll on
 * Linux) whose few threads run the checks' I/O completions, a timer for deadlines, a small pool for name lookups
 * (the system resolver blocks; an address literal needs none) and, from the first UDP check on, one selector thread
 * for datagrams ({@link AsyncDatagram}). A check in flight holds no thread: ten thousand checks waiting on slow
 * targets cost sockets, not threads.
 */
public final class BuiltinIo {

    private static final BuiltinIo SHARED = new BuiltinIo(Math.max(1, Math.min(8,
            Runtime.getRuntime().availableProcessors())));

    private final AsynchronousChannelGroup group;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService resolver;
    /** The datagram thread, started by the first {@link #datagram}: a process without UDP checks has none. */
    private DatagramLoop datagrams;

    private BuiltinIo(int threads) {
        try {
            this.group = AsynchronousChannelGroup.withFixedThreadPool(threads, daemons("vigil-io"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the built-in checks' event loop", e);
        }
        this.timer = new ScheduledThreadPoolExecutor(1, daemons("vigil-io-timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.resolver = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemons("vigil-resolve"));
        ((ThreadPoolExecutor) resolver).allowCoreThreadTimeOut(true);
    }

    /** The one event loop of this process. */
    public static BuiltinIo shared() {
        return SHARED;
    }

    /** Runs {@code task} at {@code deadline} ({@link System#nanoTime()}) on the timer thread; cancel to drop it. */
    public ScheduledFuture<?> at(long deadline, Runnable task) {
        return timer.schedule(task, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * {@code future}, or what {@code late} gives if it has not completed by {@code deadline}: for a limit on a whole
     * exchange (the engine's timeout), beside the deadlines of its single reads and writes.
     */
    public <T> CompletableFuture<T> by(CompletableFuture<T> future, long deadline, Supplier<T> late) {
        if (future.isDone()) {
            return future;
        }
        CompletableFuture<T> bounded = new CompletableFuture<>();
        ScheduledFuture<?> alarm = at(deadline, () -> bounded.complete(late.get()));
        future.whenComplete((value, failure) -> {
            alarm.cancel(false);
            if (failure != null) {
                bounded.completeExceptionally(failure);
            } else {
                bounded.complete(value);
            }
        });
        return bounded;
    }

    /** A host's addresses as {@link InetAddress#getAllByName} gives them; a literal at once, a name off the loop. */
    public CompletableFuture<InetAddress[]> resolve(String host) {
        if (isLiteral(host)) {
            try {
                return CompletableFuture.completedFuture(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, resolver);
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /**
     * Connects to {@code address}: the connection, or {@link IoTimeout} at {@code deadline}, or the connect's
     * {@link IOException} (refused, unreachable) with the kernel's message, as a plugin's {@code strerror} reads.
     */
    public CompletableFuture<AsyncStream> connect(InetSocketAddress address, long deadline) {
        CompletableFuture<AsyncStream> connected = new CompletableFuture<>();
        AsynchronousSocketChannel channel;
        try {
            channel = AsynchronousSocketChannel.open(group);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        ScheduledFuture<?> alarm = at(deadline, () -> {
            if (connected.completeExceptionally(new IoTimeout())) {
                AsyncSocket.closeQuietly(channel);
            }
        });
        channel.connect(address, null, new CompletionHandler<Void, Void>() {
            @Override
            public void completed(Void result, Void attachment) {
                alarm.cancel(false);
                if (!connected.complete(new AsyncSocket(channel))) {
                    AsyncSocket.closeQuietly(channel);
                }
            }

            @Override
            public void failed(Throwable failure, Void attachment) {
                alarm.cancel(false);
                AsyncSocket.closeQuietly(channel);
                connected.completeExceptionally(failure);
            }
        });
        return connected;
    }

    /**
     * A UDP socket connected to {@code peer} (an address, not a name to look up), waited on by the one datagram
     * thread ({@code vigil-io-udp}); an {@link IOException} when the socket cannot be opened (no descriptor left).
     */
    public AsyncDatagram datagram(InetSocketAddress peer) throws IOException {
        DatagramLoop loop = datagramLoop();
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.configureBlocking(false);
            channel.connect(peer);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new AsyncDatagram(this, loop, channel);
    }

    private synchronized DatagramLoop datagramLoop() throws IOException {
        if (datagrams == null) {
            datagrams = new DatagramLoop();
        }
        return datagrams;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
