package org.vigil.engine.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;

/**
 * A perfdata file in mode {@code p} on a named pipe nobody reads yet: opening does not wait for a reader, the engine's
 * offers never wait for the pipe, what the bounded queue cannot hold is dropped, counted and warned of once, and a
 * reader that comes later gets every line that was not dropped, in order.
 */
class PerfdataFileTest {

    @TempDir
    Path dir;

    @Test
    void a_pipe_without_a_reader_never_holds_up_the_engine_and_drops_are_counted() throws Exception {
        Path fifo = dir.resolve("perfdata.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        PerfdataTarget target = new PerfdataTarget("service", null, fifo.toString(), "$SERVICEPERFDATA$", 'p',
                Duration.ZERO, null, true);
        List<String> log = new CopyOnWriteArrayList<>();
        int total = 3 * PerfdataFile.QUEUE_CAPACITY;
        String padding = "x".repeat(100);
        long offering;
        try (PerfdataFile file = new PerfdataFile(target, null, Duration.ofSeconds(1),
                PluginRunners.create(RunnerOptions.defaults()), log::add)) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                file.offer(i + " " + padding);
            }
            offering = System.nanoTime() - start;
            assertThat(file.dropped()).as("dropped with nobody reading").isPositive();
            AtomicLong read = new AtomicLong();
            List<Long> order = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = Files.newBufferedReader(fifo, StandardCharsets.UTF_8)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        order.add(Long.parseLong(line.substring(0, line.indexOf(' '))));
                        read.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            reader.start();
            file.close();
            reader.join(10_000);
            assertThat(read.get()).as("lines read").isEqualTo(total - file.dropped()).isEqualTo(file.written());
            assertThat(order).isSorted();
        }
        assertThat(Duration.ofNanos(offering)).as("offering %d lines", total).isLessThan(Duration.ofSeconds(2));
        assertThat(log).hasSize(1).allMatch(l -> l.startsWith("Warning: service performance data lines are dropped: "
                + PerfdataFile.QUEUE_CAPACITY + " lines wait for '" + fifo + "'"));
    }
}
