package org.vigil.perfdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue holds at most its capacity, drops the oldest first and counts what it drops. */
class DropOldestQueueTest {

    @Test
    void aFullQueueDropsTheOldestAndCountsIt() throws Exception {
        DropOldestQueue<Integer> q = new DropOldestQueue<>(3);
        for (int i = 1; i <= 5; i++) {
            q.offer(i);
        }
        assertThat(q.size()).isEqualTo(3);
        assertThat(q.dropped()).isEqualTo(2);
        assertThat(q.take(10, 0, TimeUnit.MILLISECONDS)).containsExactly(3, 4, 5);
    }

    @Test
    void whatCouldNotBeSentGoesBackToTheHeadAndTheOldestOfItGoWhenNewerFilledTheRoom() throws Exception {
        DropOldestQueue<Integer> q = new DropOldestQueue<>(4);
        q.offer(1);
        q.offer(2);
        q.offer(3);
        List<Integer> taken = q.take(3, 0, TimeUnit.MILLISECONDS);
        q.offer(4);
        q.offer(5);
        q.putBack(taken); // room for 2 of the 3: 1 is the oldest and goes
        assertThat(q.dropped()).isEqualTo(1);
        assertThat(q.take(10, 0, TimeUnit.MILLISECONDS)).containsExactly(2, 3, 4, 5);
    }

    @Test
    void takeWaitsForTheFirstElementAndNoLonger() throws Exception {
        DropOldestQueue<Integer> q = new DropOldestQueue<>(2);
        long start = System.nanoTime();
        assertThat(q.take(5, 50, TimeUnit.MILLISECONDS)).isEmpty();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        Thread later = new Thread(() -> q.offer(7));
        later.start();
        assertThat(q.take(5, 5, TimeUnit.SECONDS)).containsExactly(7);
        later.join();
    }
}
