package org.vigil.checks.builtin.io;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * TLS over an {@link AsyncStream}, with an {@link SSLEngine} the check set up (its trust, protocols, server name):
 * the handshake, then reads and writes of plain text, each a chain of futures on {@link BuiltinIo}'s threads.
 * Delegated tasks (certificate checks, key exchange) run on the thread that reached them: they are CPU work, short.
 */
public final class AsyncTls implements AsyncStream {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final AsyncStream net;
    private final SSLEngine engine;
    /** Bytes from the peer not unwrapped yet, in write mode (data from 0 to position). */
    private ByteBuffer netIn;
    /** Plain text unwrapped and not read yet, in write mode. */
    private ByteBuffer appIn;
    private boolean inboundDone;

    private AsyncTls(AsyncStream net, SSLEngine engine) {
        this.net = net;
        this.engine = engine;
        SSLSession s = engine.getSession();
        this.netIn = ByteBuffer.allocate(s.getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(s.getApplicationBufferSize());
    }

    /**
     * Shakes hands as the client {@code engine} describes: the TLS connection, or the failure ({@link SSLException}
     * for a refused handshake, {@link EOFException} when the peer closes during it, {@link IoTimeout}).
     */
    public static CompletableFuture<AsyncTls> handshake(AsyncStream net, SSLEngine engine, long deadline) {
        engine.setUseClientMode(true);
        AsyncTls tls = new AsyncTls(net, engine);
        try {
            engine.beginHandshake();
            return tls.handshakeStep(deadline).thenApply(v -> tls);
        } catch (SSLException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The session once shaken hands: the peer's certificates, the protocol. */
    public SSLSession session() {
        return engine.getSession();
    }

    private CompletableFuture<Void> handshakeStep(long deadline) {
        try {
            while (true) {
                switch (engine.getHandshakeStatus()) {
                    case NEED_TASK -> runTasks();
                    case NEED_WRAP -> {
                        return wrapAndSend(EMPTY, deadline).thenCompose(v -> handshakeStep(deadline));
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        SSLEngineResult r = unwrap();
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            return CompletableFuture.failedFuture(new SSLException("the peer closed the handshake"));
                        }
                        if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                            return readMore(deadline).thenCompose(n -> n < 0
                                    ? CompletableFuture.failedFuture(new EOFException("closed during the handshake"))
                                    : handshakeStep(deadline));
                        }
                    }
                    default -> {
                        return CompletableFuture.completedFuture(null);
                    }
                }
            }
        } catch (SSLException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Integer> read(ByteBuffer dst, long deadline) {
        try {
            while (true) {
                if (appIn.position() > 0) {
                    return CompletableFuture.completedFuture(give(dst));
                }
                if (inboundDone) {
                    return CompletableFuture.completedFuture(-1);
                }
                SSLEngineResult r = unwrap();
                switch (r.getStatus()) {
                    case CLOSED -> inboundDone = true;
                    case BUFFER_UNDERFLOW -> {
                        return readMore(deadline).thenCompose(n -> {
                            if (n < 0) { // closed without close_notify: the end, as OpenSSL's reader sees it
                                inboundDone = true;
                            }
                            return read(dst, deadline);
                        });
                    }
                    default -> {
                        SSLEngineResult.HandshakeStatus hs = r.getHandshakeStatus();
                        if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                            runTasks();
                        } else if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) { // a key update, a renegotiation
                            return handshakeStep(deadline).thenCompose(v -> read(dst, deadline));
                        } else if (r.bytesProduced() == 0 && netIn.position() == 0) {
                            return readMore(deadline).thenCompose(n -> {
                                if (n < 0) {
                                    inboundDone = true;
                                }
                                return read(dst, deadline);
                            });
                        }
                    }
                }
            }
        } catch (SSLException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> write(ByteBuffer src, long deadline) {
        if (!src.hasRemaining()) {
            return CompletableFuture.completedFuture(null);
        }
        return wrapAndSend(src, deadline).thenCompose(v -> write(src, deadline));
    }

    /** Says close_notify (without waiting for it to go out long) and closes the connection. */
    @Override
    public void close() {
        engine.closeOutbound();
        CompletableFuture<Void> said;
        try {
            said = wrapAndSend(EMPTY, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        } catch (RuntimeException e) {
            said = CompletableFuture.completedFuture(null);
        }
        said.whenComplete((v, failure) -> net.close());
    }

    private int give(ByteBuffer dst) {
        appIn.flip();
        int n = Math.min(dst.remaining(), appIn.remaining());
        ByteBuffer slice = appIn.slice();
        slice.limit(n);
        dst.put(slice);
        appIn.position(appIn.position() + n);
        appIn.compact();
        return n;
    }

    private SSLEngineResult unwrap() throws SSLException {
        while (true) {
            netIn.flip();
            SSLEngineResult r;
            try {
                r = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
            }
            if (r.getStatus() != SSLEngineResult.Status.BUFFER_OVERFLOW) {
                return r;
            }
            appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
        }
    }

    private CompletableFuture<Integer> readMore(long deadline) {
        if (!netIn.hasRemaining()) {
            netIn = grow(netIn, engine.getSession().getPacketBufferSize());
        }
        return net.read(netIn, deadline);
    }

    private CompletableFuture<Void> wrapAndSend(ByteBuffer src, long deadline) {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        try {
            while (true) {
                SSLEngineResult r = engine.wrap(src, out);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    out = grow(out, out.capacity());
                    continue;
                }
                if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
                break;
            }
        } catch (SSLException e) {
            return CompletableFuture.failedFuture(e);
        }
        out.flip();
        return out.hasRemaining() ? net.write(out, deadline) : CompletableFuture.completedFuture(null);
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static ByteBuffer grow(ByteBuffer b, int by) {
        ByteBuffer bigger = ByteBuffer.allocate(b.capacity() + Math.max(by, 1024));
        b.flip();
        bigger.put(b);
        return bigger;
    }
}
