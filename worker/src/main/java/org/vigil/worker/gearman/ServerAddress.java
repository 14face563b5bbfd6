package org.vigil.worker.gearman;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * A Gearman job server's host and port ({@code host:4730}), and how to open a plain blocking socket to it with an
 * error a user can read when it is unreachable.
 *
 * @param host the server's host name or address
 * @param port its TCP port
 */
public record ServerAddress(String host, int port) {

    /** Gearman's registered port. */
    public static final int DEFAULT_PORT = 4730;

    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("gearman server: empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("gearman server " + host + ": port " + port + " out of 1-65535");
        }
    }

    /** Reads {@code host}, {@code host:port} or {@code [v6]:port}; the port defaults to 4730. */
    public static ServerAddress parse(String text) {
        String value = text.strip();
        String host = value;
        int port = DEFAULT_PORT;
        int colon = value.lastIndexOf(':');
        boolean bracketed = value.startsWith("[");
        if (colon > 0 && (bracketed ? value.indexOf(']') < colon : value.indexOf(':') == colon)) {
            host = value.substring(0, colon);
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("gearman server '" + text + "': port is not a number");
            }
        }
        if (bracketed && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ServerAddress(host, port);
    }

    /** Opens a connected socket, with {@code timeout} both to connect and as the read timeout. */
    Socket open(Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return socket;
        } catch (UnknownHostException e) {
            closeQuietly(socket);
            throw new GearmanException("gearman server " + this + ": unknown host " + host);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new GearmanException("gearman server " + this + " unreachable: no answer within "
                    + timeout.toMillis() + " ms");
        } catch (IOException e) {
            closeQuietly(socket);
            throw new GearmanException("gearman server " + this + " unreachable: " + e.getMessage());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to report: the connection never worked
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
