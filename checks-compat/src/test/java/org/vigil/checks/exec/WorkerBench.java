package org.vigil.checks.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.checks.command.CommandLine;

/**
 * Micro-benchmark (run by bench/plugins/workers.sh, not by the tests): CPU per plugin run through
 * {@link DirectRunner}, through {@link WorkerRunner} and through {@link NativeRunner}, with K runs in flight (K threads calling run in a loop, as
 * the engine's pool does). CPU comes from /proc (clock ticks): the JVM's own, and the plugins' and workers' (the
 * JVM's reaped children, plus each worker's own time and its reaped children). Variants run interleaved, rounds
 * repeated, medians printed, because the machine is shared.
 */
public final class WorkerBench {

    private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

    private WorkerBench() {
    }

    /** Args: runs per batch, rounds, in-flight list (4,16,64), workers, plugin command line. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int[] inflight = java.util.Arrays.stream((args.length > 2 ? args[2] : "4,16,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int workerCount = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        CommandLine line = CommandLine.parse(args.length > 4 ? args[4] : "/usr/lib/nagios/plugins/check_dummy 0 ok");
        System.out.printf(Locale.ROOT, "%d runs per batch, %d rounds, in flight %s, %d workers, %d CPUs, launch %s%n",
                n, rounds, java.util.Arrays.toString(inflight), workerCount,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("jdk.lang.Process.launchMechanism", "default"));
        DirectRunner direct = new DirectRunner(RunnerOptions.defaults());
        WorkerRunner workers = WorkerRunner.start(RunnerOptions.defaults(), workerCount, WorkerRunner.PERL);
        Map<String, PluginRunner> variants = new LinkedHashMap<>();
        variants.put("direct", direct);
        variants.put("workers", workers);
        if (NativeRunner.available()) {
            variants.put("native", new NativeRunner(RunnerOptions.defaults()));
        }
        for (PluginRunner r : variants.values()) {
            batch(r, line, Math.min(n, 1000), 8, workers.workerPids().values()); // warm-up, discarded
        }
        Map<String, List<Batch>> results = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "%-8s %-9s %3s %8s %9s %11s %11s %11s%n", "round", "runner", "K", "runs/s",
                "JVM ms", "worker ms", "plugins ms", "total ms");
        for (int round = 1; round <= rounds; round++) {
            for (int k : inflight) {
                List<String> order = new ArrayList<>(variants.keySet());
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (String name : order) {
                    Batch b = batch(variants.get(name), line, n, k, workers.workerPids().values());
                    results.computeIfAbsent(name + " " + k, x -> new ArrayList<>()).add(b);
                    print("#" + round, name, k, b);
                }
            }
        }
        System.out.println("medians (ms of CPU per run; plugins = reaped children of the JVM or of the workers):");
        for (Map.Entry<String, List<Batch>> e : results.entrySet()) {
            String[] nk = e.getKey().split(" ");
            List<Batch> bs = e.getValue();
            print("median", nk[0], Integer.parseInt(nk[1]), new Batch(median(bs, 0), median(bs, 1), median(bs, 2),
                    median(bs, 3), median(bs, 4)));
        }
        for (PluginRunner r : variants.values()) {
            ((AutoCloseable) r).close();
        }
    }

    private static void print(String round, String name, int k, Batch b) {
        System.out.printf(Locale.ROOT, "%-8s %-9s %3d %8.0f %9.3f %11.3f %11.3f %11.3f%n", round, name, k, b.rate,
                b.jvm, b.worker, b.plugins, b.total);
    }

    private record Batch(double rate, double jvm, double worker, double plugins, double total) {
        double get(int i) {
            return switch (i) {
                case 0 -> rate;
                case 1 -> jvm;
                case 2 -> worker;
                case 3 -> plugins;
                default -> total;
            };
        }
    }

    private static double median(List<Batch> bs, int field) {
        double[] v = bs.stream().mapToDouble(b -> b.get(field)).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Batch batch(PluginRunner runner, CommandLine line, int n, int k, Collection<Long> workerPids)
            throws InterruptedException {
        long[] self0 = stat("self");
        long[] w0 = sum(workerPids);
        long t0 = System.nanoTime();
        AtomicInteger left = new AtomicInteger(n);
        AtomicLong failed = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Thread t = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    PluginResult r = runner.run(line, Map.of(), Duration.ofSeconds(10));
                    if (r.exitCode() != 0) {
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            ts.add(t);
        }
        for (Thread t : ts) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] self1 = stat("self");
        long[] w1 = sum(workerPids);
        if (failed.get() > 0) {
            System.out.println("  failed runs: " + failed.get());
        }
        double jvm = (self1[0] + self1[1] - self0[0] - self0[1]) * TICK_MS / n;
        double worker = (w1[0] + w1[1] - w0[0] - w0[1]) * TICK_MS / n;
        double plugins = (self1[2] + self1[3] - self0[2] - self0[3] + w1[2] + w1[3] - w0[2] - w0[3]) * TICK_MS / n;
        return new Batch(n / secs, jvm, worker, plugins, jvm + worker + plugins);
    }

    private static long[] sum(Collection<Long> pids) {
        long[] s = new long[4];
        for (long pid : pids) {
            long[] p = stat(Long.toString(pid));
            for (int i = 0; i < 4; i++) {
                s[i] += p[i];
            }
        }
        return s;
    }

    /** utime, stime, cutime, cstime of /proc/PID/stat, in clock ticks. */
    private static long[] stat(String pid) {
        try {
            String s = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])};
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
