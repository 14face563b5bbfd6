package org.vigil.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vigil.engine.testkit.TestClock;

/**
 * The 1/5/15 minute counts worked out by hand with Nagios 4.4.6's {@code update_check_stats} and
 * {@code generate_check_stats} (base/utils.c): the current minute counts whole, the one before it by the part of it
 * still inside the window, older minutes by both weights.
 */
class CheckStatisticsTest {

    private static final Instant START = Instant.ofEpochSecond(1_700_000_000);
    private final TestClock clock = new TestClock(START);
    private final CheckStatistics stats = new CheckStatistics(clock, START);

    private void countAt(long secondsAfterStart, StatKind kind, int times) {
        clock.set(START.plusSeconds(secondsAfterStart));
        for (int i = 0; i < times; i++) {
            stats.count(kind);
        }
    }

    private int[] readAt(long secondsAfterStart, StatKind kind) {
        clock.set(START.plusSeconds(secondsAfterStart));
        return stats.lastMinutes(kind);
    }

    @Test
    void eventsOfTheCurrentMinuteCountWholeInEveryWindow() {
        countAt(10, StatKind.ACTIVE_SCHEDULED_SERVICE, 3);
        assertThat(readAt(20, StatKind.ACTIVE_SCHEDULED_SERVICE)).containsExactly(3, 3, 3);
        assertThat(readAt(20, StatKind.PASSIVE_SERVICE)).containsExactly(0, 0, 0);
    }

    @Test
    void thePreviousMinuteIsWeightedByWhatIsLeftOfItInTheWindow() {
        countAt(10, StatKind.EXTERNAL_COMMAND, 6);
        // 20 s into minute 1: the last minute holds 40/60 of minute 0 (4 of 6); the 5 minutes add 20/60 of it
        // rounded up (2)
        assertThat(readAt(80, StatKind.EXTERNAL_COMMAND)).containsExactly(4, 6, 6);
    }

    @Test
    void minutesOlderThanTheWindowLeaveIt() {
        countAt(10, StatKind.ACTIVE_SCHEDULED_HOST, 5);
        // 30 s into minute 3: minute 0 is half in the window of minute 2 and half in its own (2 and 3 of 5)
        assertThat(readAt(3 * 60 + 30, StatKind.ACTIVE_SCHEDULED_HOST)).containsExactly(0, 5, 5);
        assertThat(readAt(17 * 60, StatKind.ACTIVE_SCHEDULED_HOST)).containsExactly(0, 0, 0);
    }

    /** Scenario tests set their clock back before the engine's start: counting must go on (it once threw). */
    @Test
    void aClockSetBackBeforeTheStartStillCounts() {
        readAt(0, StatKind.PASSIVE_SERVICE); // the first status.dat, written within seconds of the start
        countAt(-90, StatKind.PASSIVE_SERVICE, 2);
        assertThat(readAt(-80, StatKind.PASSIVE_SERVICE)).containsExactly(2, 2, 2);
    }

    @Test
    void aSteadyRateReadsAsThatRatePerWindow() {
        for (long s = 0; s < 20 * 60; s += 10) { // six a minute for twenty minutes
            countAt(s, StatKind.PASSIVE_HOST, 1);
        }
        assertThat(readAt(20 * 60, StatKind.PASSIVE_HOST)).containsExactly(6, 30, 90);
    }
}
