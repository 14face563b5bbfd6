package org.vigil.engine.downtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.command.EntryLimits;
import org.vigil.engine.testkit.CloseAfterEach;

/**
 * A chain of {@value #LENGTH} downtimes, each triggered by the one before, built one command at a time through the
 * command path as a writer of the command file can: its start, its end and its cancellation each take one step of
 * the engine thread, without a StackOverflowError (a recursive walk, as Nagios's, overflowed the engine thread's
 * stack) and without rescanning every downtime per link (which made each of them quadratic in the length). The
 * per-object limit is raised so that one service holds the chain; many objects at the default do the same.
 */
class TriggeredChainTest {

    private static final int LENGTH = 30_000;
    private static final EntryLimits ROOMY = new EntryLimits(500, 100_000, 100_000, 100_000);
    private static final long STEP_MILLIS = 3_000;
    private static final String ROUTER_STARTED =
            "HOST DOWNTIME ALERT: router;STARTED; Host has entered a period of scheduled downtime";
    private static final String ROUTER_STOPPED =
            "HOST DOWNTIME ALERT: router;STOPPED; Host has exited from a period of scheduled downtime";
    private static final String HTTP_STARTED =
            "SERVICE DOWNTIME ALERT: web1;http;STARTED; Service has entered a period of scheduled downtime";
    private static final String HTTP_STOPPED =
            "SERVICE DOWNTIME ALERT: web1;http;STOPPED; Service has exited from a period of scheduled downtime";

    @TempDir
    Path dir;

    @RegisterExtension
    final CloseAfterEach closing = new CloseAfterEach();
    private DowntimeWorld world;

    @Test
    void aChainStartsWithItsHeadAndEndsWithIt() throws Exception {
        world = closing.add(DowntimeWorld.start(dir, ROOMY));
        scheduleChain(0);

        tick(60);
        assertThat(world.newLogLines()).containsExactly(ROUTER_STARTED, HTTP_STARTED);
        assertThat(inEffect()).isEqualTo(LENGTH);
        assertThat(depth("http")).isEqualTo(LENGTH - 1);
        // the start is told once per object, when its depth leaves 0: the router's, then the chain's first link
        assertThat(world.notes).containsExactly("START:1", "START:3");
        world.notes.clear();

        tick(600);
        assertThat(world.newLogLines()).containsExactly(ROUTER_STOPPED, HTTP_STOPPED);
        assertThat(count()).isZero();
        assertThat(depth("http")).isZero();
        // the end is told once per object, when its depth reaches 0: the router's, then the chain's last link
        assertThat(world.notes).containsExactly("END:1", "END:" + (2 * LENGTH - 1));
    }

    @Test
    void aChainAddedAfterItsHeadStartedIsStartedAndStoppedAtTheHeadsEnd() throws Exception {
        world = closing.add(DowntimeWorld.start(dir, ROOMY));
        scheduleHead(0);
        tick(60);
        assertThat(world.newLogLines()).containsExactly(ROUTER_STARTED);
        scheduleLinks(61);
        assertThat(inEffect()).isEqualTo(1);

        // as Nagios 4.4.6's handle_scheduled_downtime: a triggered downtime not in effect when its trigger ends is
        // started (with those it triggers) and then stopped
        tick(600);
        assertThat(world.newLogLines()).containsExactly(ROUTER_STOPPED, HTTP_STARTED, HTTP_STOPPED);
        assertThat(count()).isZero();
        assertThat(depth("http")).isZero();
    }

    @Test
    void aChainIsCancelledWithItsHead() throws Exception {
        world = closing.add(DowntimeWorld.start(dir, ROOMY));
        scheduleChain(0);
        tick(60);
        world.newLogLines();

        world.commands.submitLine(line(100, "DEL_HOST_DOWNTIME;1"));
        long started = System.nanoTime();
        world.engine.call(() -> null);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(STEP_MILLIS);
        assertThat(world.newLogLines()).containsExactly("EXTERNAL COMMAND: DEL_HOST_DOWNTIME;1",
                "HOST DOWNTIME ALERT: router;CANCELLED; Scheduled downtime for host has been cancelled.",
                "SERVICE DOWNTIME ALERT: web1;http;CANCELLED; Scheduled downtime for service has been cancelled.");
        assertThat(count()).isZero();
        assertThat(depth("http")).isZero();
    }

    @Test
    void aChainNotYetStartedIsCancelledQuietly() throws Exception {
        world = closing.add(DowntimeWorld.start(dir, ROOMY));
        scheduleChain(0);

        world.commands.submitLine(line(10, "DEL_HOST_DOWNTIME;1"));
        long started = System.nanoTime();
        world.engine.call(() -> null);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(STEP_MILLIS);
        assertThat(world.newLogLines()).containsExactly("EXTERNAL COMMAND: DEL_HOST_DOWNTIME;1");
        assertThat(count()).isZero();
        assertThat(world.engine.call(() -> world.engine.entries().size())).isZero();
    }

    /** The chain's head and its links, written at T0+{@code t}. */
    private void scheduleChain(int t) throws Exception {
        scheduleHead(t);
        scheduleLinks(t);
    }

    /** Downtime 1, on the router from T0+60 to T0+600, written at T0+{@code t}; its log line is read away. */
    private void scheduleHead(int t) throws Exception {
        world.commands.submitLine(line(t, "SCHEDULE_HOST_DOWNTIME;router;" + at(60) + ";" + at(600) + ";1;0;0;ops;head"));
        world.engine.call(() -> null);
        assertThat(world.newLogLines()).hasSize(1);
    }

    /**
     * {@code LENGTH - 1} downtimes on web1;http from T0 to T0+600, the first triggered by downtime 1, each other by
     * the one before (ids go up by 2: each downtime's comment takes the id after it), written at T0+{@code t}. The
     * log lines of the commands are read away.
     */
    private void scheduleLinks(int t) throws Exception {
        long before = count();
        for (int i = 1; i < LENGTH; i++) {
            long trigger = 2L * i - 1;
            world.commands.submitLine(line(t, "SCHEDULE_SVC_DOWNTIME;web1;http;" + at(0) + ";" + at(600) + ";1;"
                    + trigger + ";0;ops;link " + i));
            if (i % 1_000 == 0) {
                world.engine.call(() -> null);
            }
        }
        world.engine.call(() -> null);
        assertThat(count()).isEqualTo(before + LENGTH - 1);
        List<String> lines = world.newLogLines();
        assertThat(lines).hasSize(LENGTH - 1).allMatch(l -> l.startsWith("EXTERNAL COMMAND: SCHEDULE_"));
    }

    /** Runs the downtime tick at T0+{@code t} on the engine thread, in one step of bounded time. */
    private void tick(int t) {
        assertThat(world.tickMillis(t)).as("tick at +%d, ms", t).isLessThan(STEP_MILLIS);
    }

    private static String line(int t, String command) {
        return "[" + at(t) + "] " + command;
    }

    private static long at(int t) {
        return DowntimeWorld.T0.getEpochSecond() + t;
    }

    private long count() {
        return world.engine.call(() -> (long) world.engine.downtimes().count());
    }

    private long inEffect() {
        return world.engine.call(() -> world.engine.downtimes().all().stream().filter(Downtime::inEffect).count());
    }

    private int depth(String object) {
        return world.engine.call(() -> world.status(object).scheduledDowntimeDepth());
    }
}
