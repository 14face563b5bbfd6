package org.vigil.perfdata;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Carbon's plaintext protocol: one TCP connection kept open, lines written to it. Carbon never writes back, so
 * before each batch the connection is read for a millisecond: end of stream means carbon closed it (it restarted),
 * and a new connection is made instead of writing into one that is gone.
 */
final class GraphiteTransport implements Transport {

    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;

    GraphiteTransport(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void send(String text) throws IOException {
        if (socket != null && closedByPeer()) {
            close();
        }
        if (socket == null) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
                s.setSoTimeout(1);
            } catch (IOException e) {
                s.close();
                throw e;
            }
            socket = s;
            out = s.getOutputStream();
        }
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private boolean closedByPeer() {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false; // nothing to read: still open, as it should be
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public String receiver() {
        return "Graphite at " + host + ":" + port;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection that failed: nothing more to do
            }
            socket = null;
            out = null;
        }
    }
}
