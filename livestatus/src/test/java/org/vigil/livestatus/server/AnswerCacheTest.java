package org.vigil.livestatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private final AnswerCache cache = new AnswerCache();
    private final AtomicInteger made = new AtomicInteger();

    private byte[] make(String text) {
        made.incrementAndGet();
        return text.getBytes();
    }

    @Test
    void aRequestIsAnsweredOncePerSnapshotAndAgainOnTheNext() {
        Object first = new Object();
        Instant t = Instant.ofEpochSecond(1000);
        assertThat(cache.answer(first, t, "GET hosts", () -> make("a"))).isEqualTo("a".getBytes());
        assertThat(cache.answer(first, t, "GET hosts", () -> make("b"))).isEqualTo("a".getBytes());
        assertThat(cache.answer(first, t, "GET services", () -> make("c"))).isEqualTo("c".getBytes());
        assertThat(made).hasValue(2);
        Object next = new Object();
        assertThat(cache.answer(next, t.plusSeconds(1), "GET hosts", () -> make("d"))).isEqualTo("d".getBytes());
        assertThat(made).hasValue(3);
        // a reader still on the older snapshot gets its own answer, and the newer ones are kept
        assertThat(cache.answer(first, t, "GET hosts", () -> make("e"))).isEqualTo("e".getBytes());
        assertThat(cache.answer(next, t.plusSeconds(1), "GET hosts", () -> make("f"))).isEqualTo("d".getBytes());
    }

    @Test
    void clientsAskingAtOnceWaitForTheOneThatWorksItOut() throws Exception {
        Object snapshot = new Object();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<CompletableFuture<byte[]>> asked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            asked.add(CompletableFuture.supplyAsync(() -> cache.answer(snapshot, Instant.EPOCH, "GET status", () -> {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return make("s");
            })));
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        release.countDown();
        for (CompletableFuture<byte[]> f : asked) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("s".getBytes());
        }
        assertThat(made).hasValue(1);
    }

    @Test
    void largeAnswersAndRequestsBeyondTheBoundAreNotKept() {
        Object snapshot = new Object();
        byte[] large = new byte[AnswerCache.MOST_BYTES + 1];
        cache.answer(snapshot, Instant.EPOCH, "GET log", () -> {
            made.incrementAndGet();
            return large;
        });
        cache.answer(snapshot, Instant.EPOCH, "GET log", () -> {
            made.incrementAndGet();
            return large;
        });
        assertThat(made).hasValue(2);
        for (int i = 0; i < AnswerCache.MOST_ANSWERS + 5; i++) {
            cache.answer(snapshot, Instant.EPOCH, "GET hosts\nLimit: " + i, () -> make("x"));
        }
        made.set(0);
        cache.answer(snapshot, Instant.EPOCH, "GET hosts\nLimit: 0", () -> make("x"));
        cache.answer(snapshot, Instant.EPOCH, "GET hosts\nLimit: " + (AnswerCache.MOST_ANSWERS + 4), () -> make("x"));
        assertThat(made).as("the first kept, the last beyond the bound made again").hasValue(1);
    }
}
