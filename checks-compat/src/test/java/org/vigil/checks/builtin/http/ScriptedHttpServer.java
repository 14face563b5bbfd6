package org.vigil.checks.builtin.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A server on 127.0.0.1 that answers each request with the exact bytes a script gives for it (status line,
 * headers, body, a delay, or nothing; or several parts, each after its delay), then closes: what check_http,
 * check_curl and their built-ins are pointed at. It records every request as the server received it, to compare
 * what the two sent. Plain or TLS.
 */
public final class ScriptedHttpServer implements AutoCloseable {

    /** One answer: the bytes, after {@code delayMillis}; null bytes for an answer that closes without data. */
    public record Answer(String bytes, long delayMillis) {
        public static Answer of(String bytes) {
            return new Answer(bytes, 0);
        }
    }

    /** A part of an answer: bytes sent after {@code delayMillis}. */
    public record Part(String bytes, long delayMillis) {
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-http");
        t.setDaemon(true);
        return t;
    });
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Function<String, List<Part>> script;

    public ScriptedHttpServer(SSLContext tls, Function<String, Answer> script) throws IOException {
        this(script.andThen(a -> List.of(new Part(a.bytes() == null ? "" : a.bytes(), a.delayMillis()))), tls);
    }

    private ScriptedHttpServer(Function<String, List<Part>> script, SSLContext tls) throws IOException {
        this.script = script;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        this.server = tls == null ? new ServerSocket(0, 50, loopback)
                : tls.getServerSocketFactory().createServerSocket(0, 50, loopback);
        pool.execute(this::acceptAll);
    }

    /** A server answering each request with the parts {@code script} gives for it. */
    public static ScriptedHttpServer inParts(SSLContext tls, Function<String, List<Part>> script) throws IOException {
        return new ScriptedHttpServer(script, tls);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every request received so far, in order. */
    public List<String> requests() {
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
            // the client went away: nothing to answer
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                int length = contentLength(text);
                for (int i = 0; i < length && (b = in.read()) >= 0; i++) {
                    head.write(b);
                }
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
