package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.Begun;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.checks.exec.SubjectRunner;
import org.vigil.config.LoadResult;
import org.vigil.worker.gearman.Gearmand;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.SharedKey;
import org.vigil.worker.run.JobLoop;

/**
 * A real gearmand, the dispatch as the daemon uses it (its runner for a loaded configuration, its lines in a list)
 * and real {@link JobLoop} workers, for the dispatch's tests.
 */
final class Harness implements AutoCloseable {

    static final String DUMMY = "/usr/lib/nagios/plugins/check_dummy";
    /** The local runner as the daemon builds it: built-ins in front of the forking runner. */
    static final PluginRunner LOCAL = BuiltinSwitches.ON.inFrontOf(PluginRunners.create(RunnerOptions.defaults()));

    final List<String> log = new CopyOnWriteArrayList<>();
    final GearmanDispatch dispatch;
    final SubjectRunner runner;
    final TestSettings settings;
    private Gearmand gearmand;
    private final int port;
    private final List<JobLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    Harness(LoadResult config, Consumer<TestSettings> tweak, Clock clock) throws Exception {
        gearmand = Gearmand.start();
        port = gearmand.address().port();
        settings = new TestSettings(gearmand.address());
        tweak.accept(settings);
        dispatch = new GearmanDispatch(settings.build(), clock);
        runner = dispatch.runnerFor(config.model(), config.mainConfig(), LOCAL, log::add);
    }

    Harness(LoadResult config, Consumer<TestSettings> tweak) throws Exception {
        this(config, tweak, Clock.systemUTC());
    }

    Gearmand gearmand() {
        return gearmand;
    }

    /** Begins a service check through the dispatch's runner, which must not block, and gives its result's stage. */
    CompletableFuture<PluginResult> service(String host, String service, String line, Duration timeout) {
        return begin(CheckSubject.service(host, service), line, timeout);
    }

    CompletableFuture<PluginResult> begin(CheckSubject subject, String line, Duration timeout) {
        Begun<PluginResult> begun = runner.begin(subject, CommandLine.parse(line), Map.of(), timeout);
        if (begun instanceof Begun.Started<PluginResult> started) {
            return started.stage().toCompletableFuture();
        }
        return CompletableFuture.supplyAsync(((Begun.Blocking<PluginResult>) begun).run());
    }

    /** Starts {@code count} workers on {@code service} and {@code host} with the shared key {@code key}. */
    void startWorkers(int count, String key) {
        for (int i = 0; i < count; i++) {
            JobLoop loop = new JobLoop(gearmand.address(), List.of("service", "host"),
                    PayloadCodec.encrypted(SharedKey.fromPassword(key)), PluginRunners.create(RunnerOptions.defaults()),
                    BuiltinSwitches.ON, "worker-" + i, Duration.ofSeconds(60), line -> { });
            Thread thread = new Thread(() -> {
                try {
                    loop.run();
                } catch (RuntimeException gearmandGone) {
                    // the loop ends with its gearmand; a test restarts workers when it restarts gearmand
                }
            }, "test-worker-" + i);
            loops.add(loop);
            threads.add(thread);
            thread.start();
        }
    }

    void stopWorkers() throws InterruptedException {
        loops.forEach(JobLoop::stop);
        for (Thread thread : threads) {
            thread.join(3000);
        }
        loops.clear();
        threads.clear();
    }

    void stopGearmand() throws Exception {
        gearmand.close();
    }

    /** A new gearmand where the old one listened: its queues start empty. */
    void startGearmandAgain() throws Exception {
        gearmand = Gearmand.startOn(port);
    }

    /** Waits up to {@code within} for {@code condition}; fails naming {@code what} when it does not come. */
    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", within, what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The log lines holding {@code text}. */
    List<String> lines(String text) {
        return log.stream().filter(l -> l.contains(text)).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            stopWorkers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatch.close();
        gearmand.close();
    }
}
