package org.vigil.livestatus.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The Livestatus listeners: each endpoint has a thread that accepts connections and hands each to a bounded pool
 * ({@link ServerLimits#threads()}), where it is read and answered ({@link ClientConnection}). A connection that finds
 * every thread busy and the queue full is closed at once, so a flood of clients costs the others nothing but the
 * wait. Nothing here runs on the engine thread; the handler answers from snapshots.
 */
public final class LivestatusServer implements AutoCloseable {

    private final List<Endpoint> endpoints;
    private final List<ServerSocketChannel> channels = new ArrayList<>();
    private final ThreadPoolExecutor pool;
    private final Watchdog watchdog = new Watchdog();
    private final ServerLimits limits;
    private final RequestHandler handler;
    private final Consumer<String> log;
    private volatile boolean closed;

    private LivestatusServer(List<Endpoint> endpoints, RequestHandler handler, ServerLimits limits,
                             Consumer<String> log) {
        this.endpoints = List.copyOf(endpoints);
        this.handler = handler;
        this.limits = limits;
        this.log = log;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 60, TimeUnit.SECONDS,
                limits.queued() == 0 ? new LinkedBlockingQueue<>(1) : new ArrayBlockingQueue<>(limits.queued()),
                r -> {
                    Thread t = new Thread(r, "vigil-livestatus-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Listens on every endpoint and answers through {@code handler}; {@code log} hears what an operator should
     * know (a connection refused because the server is full).
     *
     * @throws IOException when an endpoint cannot be bound (those bound already are closed again)
     */
    public static LivestatusServer start(List<Endpoint> endpoints, RequestHandler handler, ServerLimits limits,
                                         Consumer<String> log) throws IOException {
        LivestatusServer server = new LivestatusServer(endpoints, handler, limits, log);
        try {
            for (Endpoint e : server.endpoints) {
                ServerSocketChannel channel = e.bind();
                server.channels.add(channel);
                Thread accepting = new Thread(() -> server.accept(channel), "vigil-livestatus-accept-"
                        + server.channels.size());
                accepting.setDaemon(true);
                accepting.start();
            }
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The endpoints, bound: a TCP one asked with port 0 has its port here. */
    public List<String> listening() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            Endpoint e = endpoints.get(i);
            if (e instanceof Endpoint.Tcp) {
                try {
                    InetSocketAddress a = (InetSocketAddress) channels.get(i).getLocalAddress();
                    out.add("tcp:" + a.getHostString() + ":" + a.getPort());
                } catch (IOException ex) {
                    out.add(e.describe());
                }
            } else {
                out.add(e.describe());
            }
        }
        return out;
    }

    private void accept(ServerSocketChannel channel) {
        while (!closed) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    log.accept("Warning: Livestatus: a connection could not be accepted: " + e.getMessage());
                    pause();
                }
                continue;
            }
            try {
                pool.execute(new ClientConnection(client, handler, limits, watchdog));
            } catch (RejectedExecutionException full) {
                log.accept("Warning: Livestatus: " + limits.threads() + " connections are being answered and "
                        + limits.queued() + " wait: a new one was closed");
                try {
                    client.close();
                } catch (IOException e) {
                    // closed anyway
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100); // out of file descriptors, say: do not spin
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening, removes the socket files, ends every connection (waits included). */
    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < channels.size(); i++) {
            try {
                channels.get(i).close();
            } catch (IOException e) {
                // closing anyway
            }
            endpoints.get(i).unbind();
        }
        pool.shutdownNow();
        watchdog.close();
    }
}
