package org.vigil.checks.builtin.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event loop's UDP sockets against a real local echo (a thread that sends back what it gets, prefixed), a
 * silent peer and a closed port: the exchange, the deadline, the kernel's refusal, the one shared thread.
 */
class AsyncDatagramTest {

    private static final BuiltinIo IO = BuiltinIo.shared();
    private DatagramSocket echo;
    private DatagramSocket silent;

    @BeforeEach
    void startPeers() throws SocketException {
        echo = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::echo, "udp-echo");
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stopPeers() {
        echo.close();
        silent.close();
    }

    private void echo() {
        byte[] buf = new byte[2048];
        while (!echo.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                echo.receive(p);
                byte[] reply = ("echo " + new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII))
                        .getBytes(StandardCharsets.US_ASCII);
                echo.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
            } catch (java.io.IOException e) {
                return; // closed at the test's end
            }
        }
    }

    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static InetSocketAddress address(DatagramSocket s) {
        return new InetSocketAddress(s.getLocalAddress(), s.getLocalPort());
    }

    @Test
    void sendsAndReceivesADatagramFromAnEcho() throws Exception {
        try (AsyncDatagram udp = IO.datagram(address(echo))) {
            udp.send(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)), in(2000)).join();
            ByteBuffer got = ByteBuffer.allocate(100);
            int n = udp.receive(got, in(2000)).join();
            assertThat(n).isEqualTo(10);
            assertThat(new String(got.array(), 0, n, StandardCharsets.US_ASCII)).isEqualTo("echo hello");
        }
    }

    @Test
    void aPeerSilentUntilTheDeadlineTimesTheReceiveOutAndItsLateAnswerComesToTheNextOne() throws Exception {
        try (AsyncDatagram udp = IO.datagram(address(silent))) {
            udp.send(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)), in(2000)).join();
            long before = System.nanoTime();
            assertThatTimesOut(udp.receive(ByteBuffer.allocate(100), in(300)));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isBetween(280L, 2000L);
            DatagramPacket ping = new DatagramPacket(new byte[100], 100);
            silent.receive(ping);
            byte[] late = "late".getBytes(StandardCharsets.US_ASCII);
            silent.send(new DatagramPacket(late, late.length, ping.getSocketAddress()));
            ByteBuffer got = ByteBuffer.allocate(100);
            assertThat(udp.receive(got, in(2000)).join()).isEqualTo(4);
            assertThat(new String(got.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("late");
        }
    }

    @Test
    void aDatagramReceivedWithoutABufferComesWhole() throws Exception {
        try (AsyncDatagram udp = IO.datagram(address(silent))) {
            udp.send(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)), in(2000)).join();
            CompletableFuture<byte[]> got = udp.receive(in(2000));
            DatagramPacket ping = new DatagramPacket(new byte[100], 100);
            silent.receive(ping);
            byte[] big = new byte[60_000];
            Arrays.fill(big, (byte) 'x');
            big[59_999] = 'y';
            silent.send(new DatagramPacket(big, big.length, ping.getSocketAddress()));
            assertThat(got.join()).isEqualTo(big);
            silent.send(new DatagramPacket(big, 0, ping.getSocketAddress()));
            assertThat(udp.receive(in(2000)).join()).isEmpty();
        }
    }

    @Test
    void aPassedDeadlineTimesOutAtOnce() throws Exception {
        try (AsyncDatagram udp = IO.datagram(address(silent))) {
            assertThatTimesOut(udp.receive(ByteBuffer.allocate(10), System.nanoTime() - 1));
            assertThatTimesOut(udp.send(ByteBuffer.allocate(10), System.nanoTime() - 1));
        }
    }

    @Test
    void aClosedPortIsRefusedByTheKernel() throws Exception {
        InetSocketAddress closed = address(silent);
        silent.close();
        try (AsyncDatagram udp = IO.datagram(closed)) {
            udp.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), in(2000)).join();
            CompletableFuture<Integer> r = udp.receive(ByteBuffer.allocate(10), in(2000));
            assertThat(r).failsWithin(Duration.ofSeconds(3)).withThrowableOfType(Exception.class)
                    .withCauseInstanceOf(PortUnreachableException.class);
        }
    }

    @Test
    void closingFailsTheReceiveInProgress() throws Exception {
        AsyncDatagram udp = IO.datagram(address(silent));
        CompletableFuture<Integer> r = udp.receive(ByteBuffer.allocate(10), in(5000));
        udp.close();
        assertThat(r).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(Exception.class)
                .withCauseInstanceOf(AsynchronousCloseException.class);
    }

    @Test
    void aSecondReceiveAtOnceIsRefusedAndTheFirstGoesOn() throws Exception {
        try (AsyncDatagram udp = IO.datagram(address(echo))) {
            CompletableFuture<Integer> first = udp.receive(ByteBuffer.allocate(100), in(2000));
            CompletableFuture<Integer> second = udp.receive(ByteBuffer.allocate(100), in(2000));
            assertThat(second).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(Exception.class)
                    .withMessageContaining("a receive is in progress already");
            udp.send(ByteBuffer.wrap("x".getBytes(StandardCharsets.US_ASCII)), in(2000)).join();
            assertThat(first.join()).isEqualTo(6);
        }
    }

    @Test
    void manySocketsWaitingAtOnceShareOneThread() throws Exception {
        List<AsyncDatagram> sockets = new ArrayList<>();
        List<CompletableFuture<Integer>> waits = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                AsyncDatagram udp = IO.datagram(address(silent));
                sockets.add(udp);
                waits.add(udp.receive(ByteBuffer.allocate(10), in(500)));
            }
            assertThat(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("vigil-io-udp")).count()).isEqualTo(1);
            for (CompletableFuture<Integer> w : waits) {
                assertThatTimesOut(w);
            }
        } finally {
            sockets.forEach(AsyncDatagram::close);
        }
    }

    private static void assertThatTimesOut(CompletableFuture<?> f) {
        try {
            f.join();
            throw new AssertionError("completed without timing out");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(IoTimeout.class);
        }
    }
}
