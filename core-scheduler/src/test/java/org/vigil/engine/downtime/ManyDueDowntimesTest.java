package org.vigil.engine.downtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.command.EntryLimits;
import org.vigil.engine.testkit.CloseAfterEach;

/**
 * {@value #COUNT} fixed downtimes, none triggered by another, that start in the same second and end in the same
 * second: each tick handles them in one step of bounded time. The due downtimes are taken in order from an index;
 * a scan of every downtime for each one that came due made such a tick quadratic in their number (seconds at this
 * count, minutes at 100,000).
 */
class ManyDueDowntimesTest {

    private static final int COUNT = 20_000;
    private static final EntryLimits ROOMY = new EntryLimits(500, 100_000, 100_000, 100_000);
    private static final long STEP_MILLIS = 3_000;

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();

    @Test
    void downtimesDueInTheSameSecondStartAndEndInOneBoundedStep() throws Exception {
        DowntimeWorld world = closing.add(DowntimeWorld.start(dir, ROOMY));
        for (int i = 0; i < COUNT; i++) {
            world.commands.submitLine("[" + at(0) + "] SCHEDULE_SVC_DOWNTIME;web1;http;" + at(60) + ";" + at(600)
                    + ";1;0;0;ops;window " + i);
            if (i % 1_000 == 0) {
                world.engine.call(() -> null);
            }
        }
        world.engine.call(() -> null);
        assertThat(count(world)).isEqualTo(COUNT);
        world.newLogLines();

        tick(world, 60);
        assertThat(world.newLogLines()).containsExactly(
                "SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime");
        assertThat(world.engine.call(() -> world.status("http").scheduledDowntimeDepth())).isEqualTo(COUNT);

        tick(world, 600);
        assertThat(world.newLogLines()).containsExactly(
                "SERVICE DOWNTIME ALERT: web1;http;STOPPED; Service has exited from a period of scheduled downtime");
        assertThat(count(world)).isZero();
        assertThat(world.engine.call(() -> world.status("http").scheduledDowntimeDepth())).isZero();
    }

    /** Runs the downtime tick at T0+{@code t} on the engine thread, in one step of bounded time. */
    private static void tick(DowntimeWorld world, int t) {
        assertThat(world.tickMillis(t)).as("tick at +%d, ms", t).isLessThan(STEP_MILLIS);
    }

    private static long at(int t) {
        return DowntimeWorld.T0.getEpochSecond() + t;
    }

    private static long count(DowntimeWorld world) {
        return world.engine.call(() -> (long) world.engine.downtimes().count());
    }
}
