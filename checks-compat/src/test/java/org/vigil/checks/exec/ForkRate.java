package org.vigil.checks.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.vigil.checks.command.CommandLine;

/**
 * Micro-benchmark (run by bench/plugins/run.sh, not by the tests): fork-and-exec rate of a plugin through each
 * runner, on a fixed number of threads calling {@link PluginRunner#run} in a loop, as the engine's pool would.
 */
public final class ForkRate {

    private ForkRate() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        String plugin = args.length > 2 ? args[2] : "/usr/lib/nagios/plugins/check_dummy 0 ok";
        CommandLine line = CommandLine.parse(plugin);
        System.out.printf(Locale.ROOT, "plugin: %s, threads: %d, %.1f s per case, %d CPUs%n", plugin, threads,
                seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-28s %10s %10s%n", "runner", "runs/s", "runs");
        List<Case> cases = List.of(
                new Case("commons-exec (default)", CommonsExecRunner::new, "tag"),
                new Case("commons-exec + setsid", CommonsExecRunner::new, "setsid"),
                new Case("commons-exec, no tag", CommonsExecRunner::new, "none"),
                new Case("direct (default)", DirectRunner::new, "tag"),
                new Case("direct + setsid", DirectRunner::new, "setsid"),
                new Case("direct, no tag", DirectRunner::new, "none"));
        for (Case c : cases) {
            RunnerOptions o = switch (c.mode) {
                case "setsid" -> RunnerOptions.defaults().withSessions().withTagEnvironment(false);
                case "none" -> RunnerOptions.defaults().withTagEnvironment(false);
                default -> RunnerOptions.defaults();
            };
            PluginRunner runner = c.factory.apply(o);
            measure(runner, line, threads, Math.min(1.0, seconds / 3));
            long n = measure(runner, line, threads, seconds);
            System.out.printf(Locale.ROOT, "%-28s %10.0f %10d%n", c.name, n / seconds, n);
            ((AutoCloseable) runner).close();
        }
    }

    private record Case(String name, Function<RunnerOptions, PluginRunner> factory, String mode) {
    }

    private static long measure(PluginRunner runner, CommandLine line, int threads, double seconds)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    PluginResult r = runner.run(line, Map.of(), Duration.ofSeconds(10));
                    (r.exitCode() == 0 ? done : failed).incrementAndGet();
                }
            });
            t.start();
            ts.add(t);
        }
        for (Thread t : ts) {
            t.join();
        }
        if (failed.get() > 0) {
            System.out.println("  failed runs: " + failed.get());
        }
        return done.get();
    }
}
