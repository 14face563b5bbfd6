package org.vigil.checks.builtin.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The event loop's connections against real sockets: a conversation, a refusal, a silent peer, the end of stream. */
class BuiltinIoTest {

    private static final BuiltinIo IO = BuiltinIo.shared();

    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void talksWithAPeerThatAnswersAndSeesTheEndOfItsStream() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    byte[] hello = in.readNBytes(6);
                    s.getOutputStream().write(("you said " + new String(hello, StandardCharsets.US_ASCII))
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            peer.start();
            AsyncStream conn = IO.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()),
                    in(2000)).join();
            conn.write(ByteBuffer.wrap("hello!".getBytes(StandardCharsets.US_ASCII)), in(2000)).join();
            ByteBuffer got = ByteBuffer.allocate(100);
            int n;
            while ((n = conn.read(got, in(2000)).join()) >= 0) {
                assertThat(n).isPositive();
            }
            conn.close();
            peer.join();
            assertThat(new String(got.array(), 0, got.position(), StandardCharsets.US_ASCII))
                    .isEqualTo("you said hello!");
        }
    }

    @Test
    void aClosedPortRefusesWithTheKernelsWords() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var refused = IO.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), in(2000));
        assertThat(refused).failsWithin(java.time.Duration.ofSeconds(2))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("Connection refused");
    }

    @Test
    void aSilentPeerTimesTheReadOutAtItsDeadline() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AsyncStream conn = IO.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()),
                    in(2000)).join();
            long before = System.nanoTime();
            try {
                conn.read(ByteBuffer.allocate(10), in(300)).join();
                throw new AssertionError("a silent peer gave data");
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(IoTimeout.class);
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isBetween(250L, 2000L);
            conn.close();
        }
    }

    @Test
    void aDeadlineBoundsAWholeExchange() {
        var never = new java.util.concurrent.CompletableFuture<String>();
        assertThat(IO.by(never, in(100), () -> "late").join()).isEqualTo("late");
        assertThat(IO.by(java.util.concurrent.CompletableFuture.completedFuture("on time"), in(100), () -> "late")
                .join()).isEqualTo("on time");
    }
}
