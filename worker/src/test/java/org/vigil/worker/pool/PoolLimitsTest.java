package org.vigil.worker.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.worker.settings.WorkerCommandLine;

/** The pool's size as mod_gearman's adjust_number_of_worker decides it (worker/worker.c), and its worker.conf keys. */
class PoolLimitsTest {

    private static final PoolLimits LIMITS = new PoolLimits(2, 10, 3, Duration.ofSeconds(10));

    @ParameterizedTest(name = "{0} loops, {1} busy -> {2}")
    @CsvSource({
        "0, 0, 2",    // below the minimum: up to it
        "1, 1, 2",
        "2, 0, 2",    // nothing runs: no growth
        "4, 1, 4",    // 3 idle: no growth
        "4, 2, 7",    // only 2 idle: spawn-rate more
        "5, 5, 8",
        "9, 9, 10",   // never above max-worker
        "10, 10, 10",
    })
    void growsBySpawnRateWhenNearlyAllAreBusy(int loops, int busy, int target) {
        assertThat(LIMITS.target(loops, busy)).isEqualTo(target);
    }

    @ParameterizedTest(name = "{0} busy of 30")
    @CsvSource({"27, 30", "28, 33"})
    void overNinetyPercentBusyGrowsAManyLoopPool(int busy, int target) {
        assertThat(new PoolLimits(1, 50, 3, Duration.ZERO).target(30, busy)).isEqualTo(target);
    }

    @org.junit.jupiter.api.Test
    void limitsComeFromWorkerConfKeysWithModGearmansDefaults() {
        PoolLimits defaults = PoolLimits.of(WorkerCommandLine.parse(List.of("--server", "gm", "--encryption", "no"),
                "h"));
        assertThat(defaults).isEqualTo(new PoolLimits(1, 20, 1, Duration.ofSeconds(10)));
        PoolLimits set = PoolLimits.of(WorkerCommandLine.parse(List.of("--server", "gm", "--encryption", "no",
                "--min-worker", "3", "--max-worker", "7", "--spawn-rate", "2", "--idle-timeout", "0"), "h"));
        assertThat(set).isEqualTo(new PoolLimits(3, 7, 2, Duration.ZERO));
    }
}
