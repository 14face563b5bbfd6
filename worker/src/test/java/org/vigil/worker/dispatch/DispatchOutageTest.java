package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.exec.PluginResult;
import org.vigil.config.LoadResult;

/**
 * gearmand going away under the dispatch, for real: checks waiting end as orphans, the local fallback takes over
 * after its time and hands back when gearmand answers again; a gearmand restarted mid-run is reconnected to and no
 * check hangs.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DispatchOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ORPHAN = "(service check orphaned, is the mod-gearman worker on queue 'service' running?)";
    private static LoadResult config;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        config = TestConfig.load(dir, 10, 100);
    }

    @Test
    void gearmandStoppedGivesOrphansThenLocalChecksThenWorkersAgainWhenItIsBack() throws Exception {
        try (Harness h = new Harness(config, s -> {
            s.orphanAfter = Duration.ofMillis(300);
            s.localFallbackAfter = Optional.of(Duration.ofSeconds(3));
        })) {
            h.startWorkers(1, h.settings.key);
            assertThat(h.service("h0", "svc0", Harness.DUMMY + " 0 before", WAIT).get(5, TimeUnit.SECONDS).stdout())
                    .isEqualTo("OK: before");

            h.stopWorkers();
            h.stopGearmand();
            Harness.await("gearmand missed", WAIT, () -> h.dispatch.counters().unreachableSince().isPresent());
            CompletableFuture<PluginResult> during = h.service("h0", "svc1", Harness.DUMMY + " 0 during",
                    Duration.ofSeconds(1));
            assertThat(during.get(5, TimeUnit.SECONDS).stdout()).as("waited for gearmand, then orphaned")
                    .isEqualTo(ORPHAN);
            assertThat(h.dispatch.counters().runningLocally()).as("not yet: 3 s have not passed").isFalse();

            Harness.await("the fallback line", WAIT, () -> !h.lines("until gearmand answers").isEmpty());
            assertThat(h.lines("until gearmand answers")).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("Gearman dispatch: no gearmand answered for 3.0 s (")
                    .contains(h.gearmand().address().toString())
                    .endsWith("): checks run on this machine until gearmand answers"));
            DispatchCounters away = h.dispatch.counters();
            assertThat(away.runningLocally()).isTrue();
            assertThat(away.unreachableSince()).isPresent();
            assertThat(away.lastProblem()).isPresent();
            long localBefore = away.ranLocally();
            PluginResult local = h.service("h0", "svc2", Harness.DUMMY + " 1 here", WAIT).get(5, TimeUnit.SECONDS);
            assertThat(local.stdout()).as("the local runner's raw stdout").isEqualTo("WARNING: here\n");
            assertThat(h.dispatch.counters().ranLocally()).isEqualTo(localBefore + 1);

            h.startGearmandAgain();
            h.startWorkers(1, h.settings.key);
            Harness.await("the back-to-workers line", WAIT, () -> !h.lines("go to the workers again").isEmpty());
            assertThat(h.lines("go to the workers again")).singleElement().isEqualTo("Gearman dispatch: gearmand at "
                    + h.gearmand().address() + " answers again: checks go to the workers again");
            DispatchCounters back = h.dispatch.counters();
            assertThat(back.runningLocally()).isFalse();
            assertThat(back.unreachableSince()).isEmpty();
            long resultsBefore = back.results();
            assertThat(h.service("h0", "svc3", Harness.DUMMY + " 2 after", WAIT).get(5, TimeUnit.SECONDS).stdout())
                    .isEqualTo("CRITICAL: after");
            Harness.await("the result counted", WAIT, () -> h.dispatch.counters().results() == resultsBefore + 1);
            assertThat(h.dispatch.counters().ranLocally()).isEqualTo(localBefore + 1);
        }
    }

    @Test
    void aGearmandRestartedMidRunIsReconnectedToAndNoCheckHangs() throws Exception {
        try (Harness h = new Harness(config, s -> {
            s.orphanAfter = Duration.ofMillis(500);
            s.resultWorkers = 2;
        })) {
            h.startWorkers(2, h.settings.key);
            List<CompletableFuture<PluginResult>> checks = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                checks.add(h.service("h" + i / 100, "svc" + i % 100, Harness.DUMMY + " 0 before", Duration.ofSeconds(2)));
            }
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            h.stopWorkers();
            for (int i = 300; i < 500; i++) {
                checks.add(h.service("h" + i / 100, "svc" + i % 100, Harness.DUMMY + " 0 lost", Duration.ofSeconds(2)));
            }
            Harness.await("the jobs to be lost on gearmand", WAIT, () -> h.dispatch.counters().submitted() == 500);
            h.stopGearmand();
            h.startGearmandAgain();
            h.startWorkers(2, h.settings.key);
            for (int i = 500; i < 1000; i++) {
                checks.add(h.service("h" + i / 100, "svc" + i % 100, Harness.DUMMY + " 0 after", Duration.ofSeconds(2)));
            }
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(checks.subList(0, 300)).allSatisfy(c -> assertThat(c.join().stdout()).isEqualTo("OK: before"));
            assertThat(checks.subList(300, 500)).as("jobs lost in the stopped gearmand end as orphans")
                    .allSatisfy(c -> assertThat(c.join().stdout()).isEqualTo(ORPHAN));
            assertThat(checks.subList(500, 1000)).as("checks begun after the restart reach the new gearmand's workers")
                    .allSatisfy(c -> assertThat(c.join().stdout()).isEqualTo("OK: after"));
            DispatchCounters counters = h.dispatch.counters();
            assertThat(counters.results()).isEqualTo(800);
            assertThat(counters.orphaned()).isEqualTo(200);
            assertThat(counters.pending()).isZero();
            assertThat(counters.unreachableSince()).isEmpty();
        }
    }
}
