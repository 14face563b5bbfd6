package org.vigil.livestatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection rules, over a real Unix socket with a handler that answers each request with its own text: a
 * request ends at an empty line or the end of input, keep-alive, 413 for an oversized request, a client that stalls
 * in the middle of a request or does not read its answer is cut off while others are answered, the socket file's
 * life (stale one replaced, mode 0660, removed at stop).
 */
class ConnectionRulesTest {

    @TempDir
    Path dir;

    private LivestatusServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();

    /** Answers "echo:<request>\n"; keeps the connection when the request says KeepAlive: on; "big" is 8 MB. */
    private static final RequestHandler ECHO = new RequestHandler() {
        @Override
        public Reply answer(String request) {
            if (request.startsWith("GET big")) {
                return new Reply(new byte[8 << 20], false);
            }
            return new Reply(("echo:" + request + "\n").getBytes(StandardCharsets.UTF_8),
                    request.contains("KeepAlive: on"));
        }

        @Override
        public byte[] error(int code, String message) {
            return (code + " " + message + "\n").getBytes(StandardCharsets.UTF_8);
        }
    };

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Path start(ServerLimits limits) throws IOException {
        Path socket = dir.resolve("live");
        server = LivestatusServer.start(List.of(Endpoint.unix(socket)), ECHO, limits, log::add);
        return socket;
    }

    private static ServerLimits limits(Duration requestTimeout) {
        return new ServerLimits(4, 10, 1024, requestTimeout, Duration.ofSeconds(5), Duration.ofMillis(700));
    }

    private static SocketChannel connect(Path socket) throws IOException {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        c.connect(UnixDomainSocketAddress.of(socket));
        return c;
    }

    private static void send(SocketChannel c, String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    /** Everything until the server closes the connection. */
    private static String readAll(SocketChannel c) throws IOException {
        return new String(Channels.newInputStream(c).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRequestEndsAtAnEmptyLineOrAtTheEndOfInputAndWithoutKeepAliveTheConnectionThenCloses() throws Exception {
        Path socket = start(limits(Duration.ofSeconds(5)));
        try (SocketChannel c = connect(socket)) {
            send(c, "GET hosts\nColumns: name\n\nGET ignored\n\n");
            assertThat(readAll(c)).isEqualTo("echo:GET hosts\nColumns: name\n");
        }
        try (SocketChannel c = connect(socket)) {
            send(c, "GET status\r\nColumns: program_version");
            c.shutdownOutput();
            assertThat(readAll(c)).isEqualTo("echo:GET status\nColumns: program_version\n");
        }
    }

    @Test
    void keepAliveAnswersRequestAfterRequestOnOneConnection() throws Exception {
        Path socket = start(limits(Duration.ofSeconds(5)));
        try (SocketChannel c = connect(socket)) {
            InputStream in = Channels.newInputStream(c);
            send(c, "GET hosts\nKeepAlive: on\n\n");
            assertThat(readLine(in)).isEqualTo("echo:GET hosts");
            assertThat(readLine(in)).isEqualTo("KeepAlive: on");
            // two more at once (pipelined), the second without keep-alive: answered, then closed
            send(c, "GET services\nKeepAlive: on\n\n\nGET status\n\n");
            assertThat(readLine(in)).isEqualTo("echo:GET services");
            assertThat(readLine(in)).isEqualTo("KeepAlive: on");
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("echo:GET status\n");
        }
    }

    @Test
    void aRequestOverTheSizeLimitIsAnswered413AndTheConnectionClosed() throws Exception {
        Path socket = start(limits(Duration.ofSeconds(5)));
        try (SocketChannel c = connect(socket)) {
            send(c, "GET hosts\n" + "Filter: name = x\n".repeat(100) + "\n");
            assertThat(readAll(c)).isEqualTo("413 Request too large: the request is larger than 1024 bytes"
                    + " (max_request_bytes)\n");
        }
        try (SocketChannel c = connect(socket)) { // the server goes on
            send(c, "GET hosts\n\n");
            assertThat(readAll(c)).isEqualTo("echo:GET hosts\n");
        }
    }

    @Test
    void aClientStalledInTheMiddleOfARequestIsCutOffWhileAnotherIsAnswered() throws Exception {
        Path socket = start(limits(Duration.ofMillis(800)));
        try (SocketChannel stalled = connect(socket)) {
            send(stalled, "GET hosts\nColumns: na");
            long started = System.nanoTime();
            try (SocketChannel other = connect(socket)) {
                send(other, "GET services\n\n");
                assertThat(readAll(other)).isEqualTo("echo:GET services\n");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
            assertThat(readAll(stalled)).isEmpty(); // cut off: closed without an answer
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700))
                    .isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aClientThatSendsNothingAfterConnectingIsCutOffAtTheRequestTimeout() throws Exception {
        Path socket = start(limits(Duration.ofMillis(500)));
        try (SocketChannel silent = connect(socket)) {
            long started = System.nanoTime();
            assertThat(readAll(silent)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aClientThatDoesNotReadItsAnswerIsCutOffAtTheWriteTimeoutWithoutHoldingUpOthers() throws Exception {
        Path socket = start(limits(Duration.ofSeconds(5)));
        List<SocketChannel> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) { // as many as the pool has threads: each blocks writing 8 MB
                SocketChannel c = connect(socket);
                send(c, "GET big\n\n");
                slow.add(c);
            }
            Thread.sleep(200);
            long started = System.nanoTime();
            try (SocketChannel other = connect(socket)) {
                send(other, "GET hosts\n\n");
                assertThat(readAll(other)).isEqualTo("echo:GET hosts\n");
            }
            // answered once the write timeout (0.7 s) freed a thread, not after the slow readers read 8 MB
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            // well past every slow answer's write deadline (armed when its writing began, on a loaded machine
            // perhaps late): none of them is read whole
            Thread.sleep(2000);
            for (SocketChannel c : slow) {
                assertThat((long) Channels.newInputStream(c).readAllBytes().length).isLessThan(8 << 20);
            }
        } finally {
            for (SocketChannel c : slow) {
                c.close();
            }
        }
    }

    @Test
    void connectionsBeyondThreadsAndQueueAreClosedAtOnceAndSaidSo() throws Exception {
        Path socket = start(new ServerLimits(1, 1, 1024, Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(3)));
        try (SocketChannel busy = connect(socket); SocketChannel waiting = connect(socket)) {
            send(busy, "GET hosts\nColumns: name");
            Thread.sleep(200);
            try (SocketChannel refused = connect(socket)) {
                assertThat(readAll(refused)).isEmpty();
            }
            send(busy, "\n\n");
            assertThat(readAll(busy)).isEqualTo("echo:GET hosts\nColumns: name\n");
            send(waiting, "GET status\n\n");
            assertThat(readAll(waiting)).isEqualTo("echo:GET status\n");
        }
        assertThat(log).contains("Warning: Livestatus: 1 connections are being answered and 1 wait: a new one was"
                + " closed");
    }

    @Test
    void aStaleSocketFileIsReplacedTheSocketIsMode0660AndRemovedAtStop() throws Exception {
        Path socket = dir.resolve("live");
        // a socket file whose process is gone
        try (var old = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            old.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        start(limits(Duration.ofSeconds(5)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw----");
        try (SocketChannel c = connect(socket)) {
            send(c, "GET hosts\n\n");
            assertThat(readAll(c)).isEqualTo("echo:GET hosts\n");
        }
        // a second server does not take a socket that is answered
        IOException inUse = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> LivestatusServer.start(List.of(Endpoint.unix(socket)), ECHO, limits(Duration.ofSeconds(5)),
                        log::add));
        assertThat(inUse.getMessage()).isEqualTo(socket + " is answered by another process (another Vigil or"
                + " Nagios?)");
        server.close();
        server = null;
        assertThat(socket).doesNotExist();
        // nor a file that is not a socket
        Files.writeString(socket, "data");
        IOException notSocket = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> LivestatusServer.start(List.of(Endpoint.unix(socket)), ECHO, limits(Duration.ofSeconds(5)),
                        log::add));
        assertThat(notSocket.getMessage()).isEqualTo(socket + " exists and is not a socket: not replaced");
        assertThat(Files.readString(socket)).isEqualTo("data");
    }

    @Test
    void tcpListensToo() throws Exception {
        server = LivestatusServer.start(List.of(Endpoint.tcp("127.0.0.1", 0)), ECHO, limits(Duration.ofSeconds(5)),
                log::add);
        String where = server.listening().get(0);
        assertThat(where).startsWith("tcp:127.0.0.1:");
        int port = Integer.parseInt(where.substring(where.lastIndexOf(':') + 1));
        try (SocketChannel c = SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", port))) {
            send(c, "GET hosts\n\n");
            assertThat(readAll(c)).isEqualTo("echo:GET hosts\n");
        }
    }
}
