package org.vigil.checks.builtin.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Loops of steps that complete at once, later, or fail, and a peer read one byte at a time on the event loop. */
class AsyncLoopTest {

    @Test
    void aMillionStepsDoneAtOnceDoNotGrowTheStack() {
        int[] steps = {0};
        AsyncLoop.repeat(() -> CompletableFuture.completedFuture(++steps[0] < 1_000_000)).join();
        assertThat(steps[0]).isEqualTo(1_000_000);
    }

    @Test
    void stepsThatEndLaterRunInTurn() {
        List<Integer> order = new ArrayList<>();
        long start = System.nanoTime();
        AsyncLoop.repeat(() -> {
            CompletableFuture<Boolean> later = new CompletableFuture<>();
            BuiltinIo.shared().at(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), () -> {
                synchronized (order) {
                    order.add(order.size());
                    later.complete(order.size() < 5);
                }
            });
            return later;
        }).join();
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theFirstFailureEndsTheLoopUnwrapped() {
        int[] steps = {0};
        CompletableFuture<Void> loop = AsyncLoop.repeat(() -> ++steps[0] < 3
                ? CompletableFuture.completedFuture(true)
                : CompletableFuture.<Boolean>completedFuture(true).thenApply(x -> {
                    throw new IllegalStateException("step " + steps[0]);
                }));
        assertThat(loop).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(IllegalStateException.class).withMessage("step 3");
        CompletableFuture<Void> failed = AsyncLoop.repeat(() -> CompletableFuture.failedFuture(new EOFException()));
        assertThat(failed).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(EOFException.class);
    }

    @Test
    void aPeerReadOneByteAtATimeOnTheLoopIsReadToItsEnd() throws Exception {
        int size = 300_000;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(new byte[size]);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            peer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            AsyncStream conn = BuiltinIo.shared().connect(new InetSocketAddress(server.getInetAddress(),
                    server.getLocalPort()), deadline).join();
            ByteBuffer one = ByteBuffer.allocate(1);
            long[] read = {0};
            AsyncLoop.repeat(() -> {
                one.clear();
                return conn.read(one, deadline).thenApply(n -> {
                    read[0] += Math.max(0, n);
                    return n > 0;
                });
            }).get(20, TimeUnit.SECONDS);
            conn.close();
            peer.join();
            assertThat(read[0]).isEqualTo(size);
        }
    }
}
