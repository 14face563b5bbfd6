package org.vigil.checks.builtin.tcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A local server a differential test points the real plugin and the built-in at: each connection is served by the
 * same {@link Script} and what the client sent on it is kept, so the test can compare the two clients' bytes too.
 */
public final class TcpTarget implements AutoCloseable {

    /** How one connection is answered. */
    @FunctionalInterface
    public interface Script {
        void serve(Socket s, ByteArrayOutputStream received) throws Exception;
    }

    private final ServerSocket server;
    private final List<CompletableFuture<byte[]>> connections = new CopyOnWriteArrayList<>();

    private TcpTarget(ServerSocket server, Script script) {
        this.server = server;
        Thread acceptor = new Thread(() -> accept(script), "tcp-target-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TcpTarget plain(Script script) throws IOException {
        return new TcpTarget(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    }

    public static TcpTarget tls(SSLContext context, Script script) throws IOException {
        return new TcpTarget(context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress()), script);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** What the client of connection {@code index} (0 first) sent, once it has closed. */
    public String received(int index) throws Exception {
        return new String(connections.get(index).get(10, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1);
    }

    public int connectionCount() {
        return connections.size();
    }

    private void accept(Script script) {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            CompletableFuture<byte[]> done = new CompletableFuture<>();
            connections.add(done);
            Thread t = new Thread(() -> serve(s, script, done));
            t.setDaemon(true);
            t.start();
        }
    }

    private static void serve(Socket s, Script script, CompletableFuture<byte[]> done) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (s) {
            script.serve(s, received);
        } catch (Exception e) {
            // the client went away: what it sent so far is the record
        }
        done.complete(received.toByteArray());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    // scripts

    /** Writes {@code text}, ends its side when {@code end}, then reads what the client sends until it closes. */
    public static Script says(String text, boolean end) {
        return (s, got) -> {
            write(s, text);
            if (end) {
                s.shutdownOutput();
            }
            drain(s, got);
        };
    }

    /** Waits {@code millis}, then {@link #says}. */
    public static Script saysAfter(long millis, String text) {
        return (s, got) -> {
            Thread.sleep(millis);
            says(text, true).serve(s, got);
        };
    }

    /** Writes {@code first}, waits {@code millis}, writes {@code rest}, then reads until the client closes. */
    public static Script saysInTwo(String first, long millis, String rest) {
        return (s, got) -> {
            write(s, first);
            Thread.sleep(millis);
            write(s, rest);
            drain(s, got);
        };
    }

    /** Answers {@code answer} once the client has sent {@code question}; reads on until the client closes. */
    public static Script answers(String question, String answer) {
        return (s, got) -> {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[1024];
            int n;
            while (!got.toString(StandardCharsets.ISO_8859_1).contains(question) && (n = in.read(buf)) > 0) {
                got.write(buf, 0, n);
            }
            write(s, answer);
            drain(s, got);
        };
    }

    /** Never writes; reads until the client closes. */
    public static Script silent() {
        return TcpTarget::drain;
    }

    /** Closes at once. */
    public static Script hangsUp() {
        return (s, got) -> s.close();
    }

    /** Greets, answers HELO (after {@code delayMillis}) and QUIT, keeping what the client sent: an SMTP server. */
    public static Script smtp(String greeting, String helloReply, long delayMillis) {
        return (s, got) -> {
            write(s, greeting);
            readLine(s, got);
            Thread.sleep(delayMillis);
            write(s, helloReply);
            readLine(s, got);
            write(s, "221 bye\r\n");
            s.shutdownOutput();
            s.getInputStream().transferTo(got);
        };
    }

    private static void readLine(Socket s, ByteArrayOutputStream got) throws IOException {
        int c;
        while ((c = s.getInputStream().read()) >= 0) {
            got.write(c);
            if (c == '\n') {
                return;
            }
        }
    }

    private static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    private static void drain(Socket s, ByteArrayOutputStream got) throws IOException {
        s.setSoTimeout(15_000);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            got.write(buf, 0, n);
        }
    }
}
