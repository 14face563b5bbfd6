package org.vigil.checks.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The exit watcher woken from its deep sleep, and a plugin whose output is more than its pipe holds. */
class PluginExitsTest {

    @Test
    void aRunAfterIdleWakesTheWatcherAndALargeOutputIsReadAsItComes() throws Exception {
        try (PluginExits watcher = PluginExits.openOrNull(0)) {
            assertThat(watcher).as("pidfds and epoll on this kernel").isNotNull();
            Thread.sleep(100); // nothing registered for a while: it sleeps without a bound
            long spawned = NativeSpawn.spawn(block("/bin/sh", "-c", "yes abcdefg | head -c 300000; exit 3"),
                    block("PATH=/usr/bin:/bin"), null, false);
            assertThat(spawned).isPositive();
            CappedBuffer out = new CappedBuffer(RunnerOptions.DEFAULT_OUTPUT_LIMIT);
            long t0 = System.nanoTime();
            PluginExits.Ended ended = watcher.watch((int) (spawned >>> 32), (int) spawned, null, Long.MAX_VALUE, out)
                    .get(10, TimeUnit.SECONDS);
            assertThat(ended).isEqualTo(new PluginExits.Ended(3, false));
            assertThat(out.text()).hasSize(300_000);
            assertThat((System.nanoTime() - t0) / 1e9).as("read once it went on for 50 ms").isLessThan(2);
            assertThat(watcher.running()).isZero();
        }
    }

    private static byte[] block(String... strings) {
        return (String.join("\0", strings) + "\0").getBytes(StandardCharsets.UTF_8);
    }
}
