package org.vigil.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of the history from the index against reading the log, on a 50 MB current log of 432,417 lines for 3,000
 * hosts of 10 services (state alerts over the last two days, one in twenty a host's): the cold build, one service's
 * 25-hour timeline, a host group's availability, 20 readers at once, a read on after the log grew, and the heap the
 * index takes. Not a test of the build (its name does not end in Test): run it with
 * {@code mvn -pl web-status test -Dtest=HistoryIndexBench}; it prints its figures.
 */
class HistoryIndexBench {

    private static final int LINES = 432_417;
    private static final int HOSTS = 3_000;
    private static final int SERVICES = 10;

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Path log = dir.resolve("nagios.log");
        write(log, now - 2 * 86400, now, LINES);
        System.out.printf(Locale.ROOT, "log: %.1f MB, %d lines%n", Files.size(log) / 1e6, LINES);
        Random r = new Random(5);
        HistoryFiles files = new HistoryFiles(log, dir.resolve("archives"));

        long heapBefore = usedHeap();
        HistoryIndex index = new HistoryIndex(log, dir.resolve("archives"));
        long t0 = System.nanoTime();
        List<Availability> first = timeline(index, service(r), now);
        double cold = ms(t0);
        long heap = usedHeap() - heapBefore;
        System.out.printf(Locale.ROOT, "cold: first timeline with the index build %.0f ms; %d events kept, "
                + "heap %.1f MB (%.2f MB per 100,000 events)%n", cold, index.keptEvents(), heap / 1e6,
                heap / 1e6 / index.keptEvents() * 100_000);
        assertThat(first.get(0).spans()).isNotEmpty();

        for (int i = 0; i < 300; i++) { // the JIT's warm-up
            timeline(index, service(r), now);
        }
        System.out.println("timeline, index: " + stats(time(200, () -> timeline(index, service(r), now))));
        System.out.println("timeline, files: " + stats(time(5, () -> timeline(files, service(r), now))));
        Target one = service(r);
        assertThat(timeline(index, one, now)).isEqualTo(timeline(files, one, now));

        List<Target> group = new ArrayList<>();
        for (int h = 0; h < 50; h++) {
            group.add(new Target(host(r.nextInt(HOSTS)), null));
        }
        List<Target> big = new ArrayList<>();
        for (int h = 0; h < 500; h++) {
            big.add(new Target(host(h), null));
        }
        System.out.println("50-host group over 24 h, index: " + stats(time(50, () -> report(index, group, now))));
        System.out.println("500-host group over 24 h, index: " + stats(time(20, () -> report(index, big, now))));
        System.out.println("50-host group over 24 h, files: " + stats(time(3, () -> report(files, group, now))));
        assertThat(report(index, group, now)).isEqualTo(report(files, group, now));

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<double[]>> each = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            long seed = c;
            each.add(pool.submit(() -> {
                Random cr = new Random(seed);
                return time(50, () -> timeline(index, service(cr), now));
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<double[]> f : each) {
            for (double d : f.get()) {
                all.add(d);
            }
        }
        pool.shutdown();
        System.out.println("timeline, index, 20 threads: "
                + stats(all.stream().mapToDouble(Double::doubleValue).toArray()));

        write(log, now, now + 60, 1_000);
        long t1 = System.nanoTime();
        timeline(index, service(r), now + 60);
        System.out.printf(Locale.ROOT, "timeline after 1,000 more lines (read on): %.1f ms%n", ms(t1));
    }

    private static List<Availability> timeline(HistoryIndex index, Target t, long now) {
        return History.of(index, List.of(t), now - 25 * 3600, now, now, Assumptions.DEFAULTS, x -> Archived.NO_DATA);
    }

    private static List<Availability> timeline(HistoryFiles files, Target t, long now) {
        return History.of(files, List.of(t), now - 25 * 3600, now, now, Assumptions.DEFAULTS, x -> Archived.NO_DATA);
    }

    private static List<Availability> report(HistoryIndex index, List<Target> t, long now) {
        return History.of(index, t, now - 86400, now, now, Assumptions.DEFAULTS, x -> Archived.NO_DATA);
    }

    private static List<Availability> report(HistoryFiles files, List<Target> t, long now) {
        return History.of(files, t, now - 86400, now, now, Assumptions.DEFAULTS, x -> Archived.NO_DATA);
    }

    /** {@code n} lines of alerts spread evenly over {@code [from, until)}, appended to {@code log}. */
    private static void write(Path log, long from, long until, int n) throws Exception {
        Random r = new Random(until);
        String[] states = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int i = 0; i < n; i++) {
                long t = from + (until - from) * i / n;
                String h = host(r.nextInt(HOSTS));
                if (i % 20 == 0) {
                    w.write("[" + t + "] HOST ALERT: " + h + ";" + (r.nextBoolean() ? "UP" : "DOWN")
                            + ";HARD;3;PING " + (r.nextBoolean() ? "OK" : "CRITICAL") + " - Packet loss = 0%\n");
                } else {
                    String s = states[r.nextInt(4)];
                    w.write("[" + t + "] SERVICE ALERT: " + h + ";" + "Service check " + r.nextInt(SERVICES) + ";"
                            + s + ";HARD;3;" + s + " - a plugin's output of about fifty characters\n");
                }
            }
        }
    }

    private static String host(int h) {
        return String.format(Locale.ROOT, "web-host-%04d", h);
    }

    private static Target service(Random r) {
        return new Target(host(r.nextInt(HOSTS)), "Service check " + r.nextInt(SERVICES));
    }

    private static double[] time(int n, Runnable r) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            r.run();
            out[i] = ms(t);
        }
        return out;
    }

    private static String stats(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms", s.length, s[s.length / 2],
                s[(int) Math.ceil(s.length * 0.99) - 1], s[s.length - 1]);
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
