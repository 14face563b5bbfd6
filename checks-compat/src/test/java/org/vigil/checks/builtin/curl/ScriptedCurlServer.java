package org.vigil.checks.builtin.curl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A server on 127.0.0.1 that answers each request with the parts a script gives for it, each after its delay (a
 * status line and half a body, then nothing for a while...), then closes: what check_curl and its built-in are both
 * pointed at. It records every request as received, to compare what the two sent. Plain or TLS.
 */
final class ScriptedCurlServer implements AutoCloseable {

    /** Bytes sent after {@code delayMillis}. */
    record Part(String bytes, long delayMillis) {
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-curl");
        t.setDaemon(true);
        return t;
    });
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Function<String, List<Part>> script;

    ScriptedCurlServer(SSLContext tls, Function<String, List<Part>> script) throws IOException {
        this.script = script;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        this.server = tls == null ? new ServerSocket(0, 50, loopback)
                : tls.getServerSocketFactory().createServerSocket(0, 50, loopback);
        pool.execute(this::acceptAll);
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                pool.execute(() -> answer(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket s) {
        try (s) {
            s.setSoTimeout(20_000);
            String request = readRequest(s.getInputStream());
            if (request.isEmpty()) {
                return;
            }
            requests.add(request);
            OutputStream out = s.getOutputStream();
            for (Part p : script.apply(request)) {
                Thread.sleep(p.delayMillis());
                out.write(p.bytes().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: nothing more to answer
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
