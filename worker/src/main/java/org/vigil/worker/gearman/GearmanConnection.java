package org.vigil.worker.gearman;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * One blocking connection to a job server for binary packets: sends requests, reads responses, and turns an
 * {@code ERROR} packet, a closed connection or a timeout into a {@link GearmanException} naming the server.
 * Not thread-safe: one per client or worker thread.
 */
final class GearmanConnection implements AutoCloseable {

    private final ServerAddress server;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private GearmanConnection(ServerAddress server, Socket socket) throws IOException {
        this.server = server;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** Connects, with {@code timeout} to connect and to wait for each answer. */
    static GearmanConnection open(ServerAddress server, Duration timeout) {
        Socket socket = server.open(timeout);
        try {
            return new GearmanConnection(server, socket);
        } catch (IOException e) {
            throw failure(server, e);
        }
    }

    ServerAddress server() {
        return server;
    }

    /** Sends one request packet. */
    void send(Packet packet) {
        try {
            out.write(PacketCodec.encode(packet));
            out.flush();
        } catch (IOException e) {
            throw failure(server, e);
        }
    }

    /** Writes one request packet into the connection's buffer without sending it yet (see {@link #flush}). */
    void write(Packet packet) {
        try {
            out.write(PacketCodec.encode(packet));
        } catch (IOException e) {
            throw failure(server, e);
        }
    }

    /** Sends what {@link #write} buffered. */
    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw failure(server, e);
        }
    }

    /** Reads the next packet; an {@code ERROR} packet becomes a {@link GearmanServerException}. */
    Packet receive() {
        try {
            return check(PacketCodec.read(in));
        } catch (GearmanProtocolException e) {
            throw new GearmanProtocolException("gearman server " + server + ": " + e.getMessage());
        } catch (IOException e) {
            throw failure(server, e);
        }
    }

    /**
     * Reads the next packet, waiting at most {@code wait} ({@link Duration#ZERO}: no limit) instead of the
     * connection's timeout: empty when none came in time (a sleeping worker's wake-up).
     */
    Optional<Packet> receiveWithin(Duration wait) {
        try {
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, wait.toMillis()));
            try {
                return Optional.of(check(PacketCodec.read(in)));
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            } finally {
                socket.setSoTimeout(timeout);
            }
        } catch (GearmanProtocolException e) {
            throw new GearmanProtocolException("gearman server " + server + ": " + e.getMessage());
        } catch (IOException e) {
            throw failure(server, e);
        }
    }

    private Packet check(Packet packet) {
        if (packet.request()) {
            throw new GearmanProtocolException("malformed packet: " + packet.type()
                    + " is a request, a response was expected");
        }
        if (packet.type() == PacketType.ERROR) {
            throw new GearmanServerException(server.toString(), packet.text(0), packet.text(1));
        }
        return packet;
    }

    /** Reads the next packet and checks that it has the expected type. */
    Packet expect(PacketType type) {
        Packet packet = receive();
        if (packet.type() != type) {
            throw new GearmanProtocolException("gearman server " + server + " sent " + packet.type()
                    + " where " + type + " was expected");
        }
        return packet;
    }

    /**
     * Sends {@code data} in ECHO_REQ and checks that ECHO_RES brings the same bytes back: the server has then read
     * every packet sent before on this connection.
     */
    void echo(byte[] data) {
        send(Packet.request(PacketType.ECHO_REQ, data));
        byte[] answer = expect(PacketType.ECHO_RES).argument(0);
        if (!Arrays.equals(answer, data)) {
            throw new GearmanProtocolException("gearman server " + server + " echoed " + answer.length
                    + " other bytes than the " + data.length + " sent");
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that failed has nothing left to report
        }
    }

    private static GearmanException failure(ServerAddress server, IOException e) {
        if (e instanceof SocketTimeoutException) {
            return new GearmanException("gearman server " + server + " did not answer in time");
        }
        if (e instanceof EOFException) {
            return new GearmanException("gearman server " + server + " closed the connection");
        }
        return new GearmanException("gearman server " + server + ": " + e.getMessage(), e);
    }
}
