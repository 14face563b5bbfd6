package org.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigil.checks.exec.Begun;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.exec.CheckExecutor;
import org.vigil.engine.exec.CheckRequest;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckTarget;

/** The pool with checks that end on another thread, as built-in checks do on their event loop. */
class CheckPoolTest {

    /** Starts return unfinished futures, ended by the test: no pool thread waits on them. */
    private static final class Waiting implements CheckExecutor {
        final ConcurrentLinkedQueue<CompletableFuture<CheckOutcome>> running = new ConcurrentLinkedQueue<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public CheckOutcome execute(CheckRequest request) {
            throw new AssertionError("the pool starts checks, it does not run them to the end");
        }

        @Override
        public Begun<CheckOutcome> begin(CheckRequest request) {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<CheckOutcome> f = new CompletableFuture<>();
            running.add(f);
            return new Begun.Started<>(f);
        }

        void endAll() {
            CompletableFuture<CheckOutcome> f;
            while ((f = running.poll()) != null) {
                inFlight.decrementAndGet(); // ended before the pool hears of it, as a check's end comes first
                f.complete(null);
            }
        }
    }

    private static MainConfig main(String maxConcurrentChecks) {
        return new MainConfig(Path.of("nagios.cfg"), Map.of("max_concurrent_checks", List.of(maxConcurrentChecks)),
                List.of(), Map.of());
    }

    private static CheckRequest request(int i) {
        return new CheckRequest(new CheckTarget("h" + i, "h" + i, null), Instant.EPOCH);
    }

    @Test
    void checksThatEndElsewhereLeaveThePoolsThreadsFreeAndAllCompleteWhenTheyEnd() throws Exception {
        Waiting executor = new Waiting();
        CheckPool pool = new CheckPool(executor, main("0"));
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            pool.run(request(i), (outcome, failure) -> done.countDown());
        }
        // 1,000 checks in flight on a pool of 64 threads: none of them is held
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (executor.inFlight.get() < 1000 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(executor.inFlight.get()).isEqualTo(1000);
        assertThat(pool.concurrency()).isEqualTo(64);
        assertThat(pool.idle()).isFalse();
        executor.endAll();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.idle()).isTrue();
        pool.close();
    }

    @Test
    void maxConcurrentChecksBoundsTheChecksInFlightNotOnlyTheThreads() throws Exception {
        Waiting executor = new Waiting();
        CheckPool pool = new CheckPool(executor, main("5"));
        CountDownLatch done = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            pool.run(request(i), (outcome, failure) -> done.countDown());
        }
        while (done.getCount() > 0) {
            Thread.sleep(20);
            assertThat(executor.inFlight.get()).isLessThanOrEqualTo(5);
            executor.endAll();
        }
        assertThat(executor.most.get()).isEqualTo(5);
        pool.close();
    }

    /**
     * More forked checks due at once than permits (max_concurrent_checks unset: 8,192) and far more than threads
     * (64): the checks that wait for a permit never take the pool's threads from the forked runs holding the permits
     * (bench/gearman found every thread parked on a permit and nothing running again), and all complete.
     */
    @Test
    void forkedChecksBeyondThePermitsAllCompleteWithoutHoldingThePoolsThreads() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        CheckExecutor forked = new CheckExecutor() {
            @Override
            public CheckOutcome execute(CheckRequest request) {
                ran.incrementAndGet();
                return null;
            }

            @Override
            public Begun<CheckOutcome> begin(CheckRequest request) {
                return new Begun.Blocking<>(() -> {
                    try {
                        Thread.sleep(0, 200_000); // a short plugin
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return execute(request);
                });
            }
        };
        CheckPool pool = new CheckPool(forked, main("0"));
        // due faster than 64 threads run them, over a while, as a clock would start them: permits freed by ended runs
        // are taken again at once, their forked runs queued behind the checks already waiting for a permit
        int bursts = 400;
        int perBurst = 250;
        int checks = bursts * perBurst;
        CountDownLatch done = new CountDownLatch(checks);
        for (int b = 0; b < bursts; b++) {
            for (int i = 0; i < perBurst; i++) {
                pool.run(request(i), (outcome, failure) -> done.countDown());
            }
            Thread.sleep(1);
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).as("checks completed: %d of %d", checks - done.getCount(),
                checks).isTrue();
        assertThat(ran.get()).isEqualTo(checks);
        pool.close();
    }
}
