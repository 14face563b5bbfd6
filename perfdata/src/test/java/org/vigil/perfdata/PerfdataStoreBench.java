package org.vigil.perfdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rrd4j.core.RrdBackendFactory;
import org.rrd4j.core.RrdNioBackendFactory;
import org.rrd4j.core.RrdRandomAccessFileBackendFactory;
import org.vigil.perfdata.rrd.PagedFileBackendFactory;
import org.vigil.perfdata.rrd.RrdLayout;
import org.vigil.perfdata.rrd.RrdStore;
import org.vigil.perfdata.rrd.StoreCounts;

/**
 * The round-robin store at scale (bench/perfdata-store/run.sh): SERVICES services with 3 metrics each, a result per
 * service a minute for MINUTES minutes, offered as the engine thread offers them (a {@link ResultSample} made and
 * handed to {@link PerfdataStore#offer}) as fast as it can, then drained by the store's thread. Prints the
 * engine-side cost of a handover, the values written per second for the first minute (every file made) and the
 * following ones (updates only), and the disk each metric takes. A benchmark: it prints, it does not judge. Not part
 * of the test run (its name does not end in Test).
 */
class PerfdataStoreBench {

    @Test
    void run() throws Exception {
        main(new String[] {System.getProperty("bench.services", "2000"), System.getProperty("bench.minutes", "8"),
            System.getProperty("bench.dir", ""), System.getProperty("bench.flush", "300"),
            System.getProperty("bench.backend", "paged")});
    }

    public static void main(String[] args) throws Exception {
        int services = Integer.parseInt(args[0]);
        int minutes = Integer.parseInt(args[1]);
        Path dir = args.length > 2 && !args[2].isEmpty() ? Path.of(args[2]) : Files.createTempDirectory("vigil-rrd-");
        long need = services * 3L * RrdLayout.fileSize();
        long free = Files.getFileStore(dir).getUsableSpace();
        System.out.printf(Locale.ROOT, "perfdata store: %,d services x 3 metrics, %d minutes, in %s (%,d MiB needed,"
                + " %,d MiB free)%n", services, minutes, dir, need >> 20, free >> 20);
        if (need > free / 2) {
            System.out.println("perfdata store: not run: the files would take more than half of the free space;"
                    + " give fewer services");
            return;
        }
        long t0 = System.currentTimeMillis() / 1000 / 60 * 60 - 60L * (minutes + 1);
        int flush = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        // held values bounded at 2.5 a metric: the store writes the longest held check, 5 values a metric, as 300 s
        // of flush_seconds do at a 60 s check interval (the bench offers minutes faster than they pass)
        long bound = flush == 0 ? 1 : services * 3L * 5 / 2;
        String kind = args.length > 4 ? args[4] : "paged";
        RrdBackendFactory backend = kind.equals("nio") ? new RrdNioBackendFactory()
                : kind.equals("file") ? new RrdRandomAccessFileBackendFactory() : new PagedFileBackendFactory();
        System.out.printf(Locale.ROOT, "perfdata store: flush_seconds %d (held values bounded at %,d),"
                + " rrd4j backend %s%n",
                flush, bound, backend.getClass().getSimpleName());
        try (PerfdataStore store = new PerfdataStore(new RrdStore(dir, services * 3, backend),
                new PerfdataStore.Limits(services * 3, services * 2, flush, bound), line -> { })) {
            store.start();
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long writer = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("vigil-perfdata-store")).findFirst().orElseThrow().getId();
            long expected = 0;
            for (int minute = 0; minute < minutes; minute++) {
                long time = t0 + 60L * minute + 30;
                long offerNanos = 0;
                long maxOffer = 0;
                long start = System.nanoTime();
                long cpuStart = cpu.getThreadCpuTime(writer);
                for (int s = 0; s < services; s++) {
                    // the names and perfdata exist before the handover, as the plugin's output and the config do
                    String host = "host" + (s / 20);
                    String service = "service " + s;
                    String perf = "used=" + (s % 100) + "%;80;90;0;100 time=0." + (minute % 10) + "s;1;2;0 'free space'="
                            + (100 - s % 100) + "%;~:20;~:10";
                    long a = System.nanoTime();
                    store.offer(new ResultSample(host, service, "check_bench", 0, 1, 1, 3, 0, 0, 0.01, 0.2, time,
                            perf));
                    long took = System.nanoTime() - a;
                    offerNanos += took;
                    maxOffer = Math.max(maxOffer, took);
                }
                expected += services * 3L;
                long wrote = store.counts().written();
                long flushes = store.counts().batching().flushes();
                while (store.counts().written() + store.counts().errors() + store.counts().refused()
                        + store.counts().batching().pending() < expected && store.counts().dropped() == 0) {
                    Thread.sleep(20);
                }
                while (store.counts().batching().pending() > bound) {
                    Thread.sleep(20);
                }
                wrote = store.counts().written() - wrote;
                flushes = store.counts().batching().flushes() - flushes;
                double secs = (System.nanoTime() - start) / 1e9;
                double cpuSecs = (cpu.getThreadCpuTime(writer) - cpuStart) / 1e9;
                StoreCounts c = store.counts();
                System.out.printf(Locale.ROOT, "minute %d (%s): %,d values in %.1f s"
                        + " (%,d written in %,d checks' writes, %,d held):"
                        + " %,.0f values/s taken, %,.0f per CPU second of the store's thread;"
                        + " handover %.2f us per result on average, %.0f us at most; dropped %d, errors %d%n",
                        minute + 1, minute == 0 ? "every file made" : "updates", services * 3L, secs, wrote,
                        flushes, c.batching().pending(), services * 3L / secs, services * 3L / cpuSecs,
                        offerNanos / 1e3 / services, maxOffer / 1e3, c.dropped(), c.errors());
            }
            System.out.printf(Locale.ROOT, "needed at 100,000 services x 3 metrics every 60 s: 5,000 values/s%n");
        }
        long bytes = 0;
        long files = 0;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                bytes += Files.size(p);
                files += p.toString().endsWith(".rrd") ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "disk: %,d bytes per metric (.rrd %,d bytes, fixed, plus its .meta); %,d MiB"
                + " for these %,d metrics; 100,000 x 3 metrics would take %,d MiB%n", bytes / files,
                RrdLayout.fileSize(), bytes >> 20, files, (bytes / files * 300_000L) >> 20);
        delete(dir);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
