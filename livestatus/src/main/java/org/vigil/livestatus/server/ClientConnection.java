package org.vigil.livestatus.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's connection, on a thread of the server's pool: reads a request, has it answered, writes the answer,
 * and goes on with the next while the client asked for {@code KeepAlive: on}. Every way a connection ends is
 * decided here: the client closed it, the answer was the last one, the request was too large (413, then closed),
 * or the client overran a deadline (cut off: closed).
 */
final class ClientConnection implements Runnable {

    private final SocketChannel channel;
    private final RequestHandler handler;
    private final ServerLimits limits;
    private final Watchdog watchdog;
    private final AtomicBoolean cutOff = new AtomicBoolean();

    ClientConnection(SocketChannel channel, RequestHandler handler, ServerLimits limits, Watchdog watchdog) {
        this.channel = channel;
        this.handler = handler;
        this.limits = limits;
        this.watchdog = watchdog;
    }

    @Override
    public void run() {
        try {
            RequestFramer framer = new RequestFramer(new BufferedInputStream(Channels.newInputStream(channel), 8192),
                    limits.maxRequestBytes());
            boolean first = true;
            while (true) {
                Optional<String> request = readRequest(framer, first);
                if (request.isEmpty()) {
                    return;
                }
                first = false;
                RequestHandler.Reply reply = handler.answer(request.get());
                if (!write(reply.bytes()) || !reply.keepAlive()) {
                    return;
                }
            }
        } catch (RequestFramer.TooLarge e) {
            write(handler.error(413, "Request too large: " + e.getMessage() + " (max_request_bytes)"));
        } catch (IOException | RuntimeException e) {
            // the client went away or was cut off: nothing to answer to
        } finally {
            close();
        }
    }

    /**
     * The next request, or empty when the client ended the connection. The first request must be sent within the
     * request timeout of the connection's start; a later one may come within the idle timeout and must then be sent
     * whole within the request timeout.
     */
    private Optional<String> readRequest(RequestFramer framer, boolean first) throws IOException {
        if (!first) {
            Watchdog.Deadline idle = watchdog.arm(limits.idleTimeout(), this::cutOff);
            try {
                if (!framer.awaitNext()) {
                    return Optional.empty();
                }
            } finally {
                idle.disarm();
            }
        }
        Watchdog.Deadline reading = watchdog.arm(limits.requestTimeout(), this::cutOff);
        try {
            return framer.next();
        } finally {
            reading.disarm();
        }
    }

    /** Writes {@code bytes} whole within the write timeout; false if the client is gone or was cut off. */
    private boolean write(byte[] bytes) {
        if (cutOff.get() || !channel.isOpen()) {
            return false;
        }
        Watchdog.Deadline writing = watchdog.arm(limits.writeTimeout(), this::cutOff);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            writing.disarm();
        }
    }

    /** Ends the connection from the watchdog's thread: a blocked read or write on it ends at once. */
    private void cutOff() {
        cutOff.set(true);
        close();
    }

    private void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closed anyway
        }
    }
}
