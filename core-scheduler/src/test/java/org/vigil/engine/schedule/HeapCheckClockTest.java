package org.vigil.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Checks come due in time order; a moved check comes due once, at its new time; a cancelled one never. */
class HeapCheckClockTest {

    /** Times with a millisecond part are used as they are (whole seconds are spread inside their second). */
    private static final Instant PAST = Instant.now().minusSeconds(60).plusMillis(1);
    private static final Instant FUTURE = Instant.now().plusSeconds(3600).plusMillis(1);

    @Test
    void due_in_time_order_moved_once_cancelled_never() throws InterruptedException {
        HeapCheckClock clock = new HeapCheckClock(Clock.systemUTC());
        clock.schedule("a", PAST.plusSeconds(3));
        clock.schedule("b", PAST.plusSeconds(1));
        clock.schedule("c", PAST.plusSeconds(2));
        clock.schedule("b", PAST.plusSeconds(4)); // moved: its first time is gone
        clock.cancel("c");
        clock.schedule("d", PAST);
        clock.schedule("e", FUTURE);
        assertThat(due(clock, 4)).containsExactly("d@0", "a@3", "b@4");
    }

    @Test
    void wakes_on_ticks_never_before_a_checks_time() {
        Instant second = Instant.parse("2026-12-07T22:00:00Z");
        assertThat(HeapCheckClock.onTick(second)).isEqualTo(second);
        assertThat(HeapCheckClock.onTick(second.plusNanos(1))).isEqualTo(second.plusMillis(5));
        assertThat(HeapCheckClock.onTick(second.plusMillis(5))).isEqualTo(second.plusMillis(5));
        assertThat(HeapCheckClock.onTick(second.plusNanos(999_999_999))).isEqualTo(second.plusSeconds(1));
    }

    @Test
    void a_check_due_soon_starts_within_a_tick() throws InterruptedException {
        HeapCheckClock clock = new HeapCheckClock(Clock.systemUTC());
        List<Long> late = new CopyOnWriteArrayList<>();
        Instant at = Instant.now().plusMillis(50).plusNanos(1); // not a whole second: used as it is
        clock.schedule("x", at);
        clock.start((id, due) -> late.add(java.time.Duration.between(at, Instant.now()).toMillis()));
        try {
            for (int i = 0; i < 100 && late.isEmpty(); i++) {
                Thread.sleep(10);
            }
        } finally {
            clock.close();
        }
        assertThat(late).hasSize(1);
        assertThat(late.get(0)).isBetween(0L, 5L + 100L); // a tick, and a loaded machine's scheduling
    }

    @Test
    void many_moves_rebuild_the_queue_without_losing_or_repeating_a_check() throws InterruptedException {
        HeapCheckClock clock = new HeapCheckClock(Clock.systemUTC());
        for (int round = 0; round < 4; round++) { // 15,000 stale entries: rebuilt more than once
            for (int i = 0; i < 5000; i++) {
                clock.schedule("s" + i, FUTURE.plusSeconds(round * 10_000L + i));
            }
        }
        for (int i = 0; i < 5000; i += 1000) {
            clock.schedule("s" + i, PAST.plusSeconds(10 - i / 1000));
        }
        clock.cancel("s0");
        assertThat(due(clock, 5)).containsExactly("s4000@6", "s3000@7", "s2000@8", "s1000@9");
    }

    /** Starts the clock and returns what came due within a second, as id@seconds-after-PAST. */
    private static List<String> due(HeapCheckClock clock, int atMost) throws InterruptedException {
        List<String> due = new CopyOnWriteArrayList<>();
        clock.start((id, at) -> due.add(id + "@" + (at.getEpochSecond() - PAST.getEpochSecond())));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < end && due.size() < atMost) {
            Thread.sleep(10);
        }
        Thread.sleep(100); // anything more would come now
        clock.close();
        return List.copyOf(due);
    }
}
