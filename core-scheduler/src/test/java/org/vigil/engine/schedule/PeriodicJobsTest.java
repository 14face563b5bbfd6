package org.vigil.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The periodic jobs on Quartz: tasks added while others already fire all run (each job gets its own task, not a
 * copy of a shared context that is being written to), two instances in one JVM are independent, and close is
 * bounded.
 */
class PeriodicJobsTest {

    @Test
    void tasksAddedWhileOthersFireAllRunAndTwoInstancesAreIndependent() throws Exception {
        int n = 40;
        CountDownLatch each = new CountDownLatch(n);
        AtomicInteger[] runs = new AtomicInteger[n];
        try (PeriodicJobs a = new PeriodicJobs("test"); PeriodicJobs b = new PeriodicJobs("test")) {
            for (int i = 0; i < n; i++) {
                AtomicInteger count = runs[i] = new AtomicInteger();
                a.every("task-" + i, Duration.ofMillis(5), () -> {
                    if (count.incrementAndGet() == 1) {
                        each.countDown();
                    }
                });
            }
            CountDownLatch other = new CountDownLatch(1);
            b.every("task-0", Duration.ofMillis(5), other::countDown); // the same name in another instance
            assertThat(each.await(10, TimeUnit.SECONDS)).as("every task ran").isTrue();
            assertThat(other.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeWaitsForARunningTaskButNotForever() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        PeriodicJobs jobs = new PeriodicJobs("test");
        jobs.every("slow", Duration.ofSeconds(60), () -> {
            started.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        jobs.close();
        assertThat(finished).hasValue(1);
    }
}
