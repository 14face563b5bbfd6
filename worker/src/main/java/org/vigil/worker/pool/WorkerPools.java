package org.vigil.worker.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.worker.gearman.ServerAddress;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.SharedKey;
import org.vigil.worker.run.JobLoop;
import org.vigil.worker.settings.WorkerSettings;

/**
 * What {@code vigil worker} runs: for each gearmand of the settings, a {@link LoopPool} of job loops on the settings'
 * queues, sized once a second within the settings' {@link PoolLimits}. Jobs come from every server, as a mod_gearman
 * worker connected to several takes them from each.
 */
public final class WorkerPools implements AutoCloseable {

    private static final Duration TICK = Duration.ofSeconds(1);

    private final List<LoopPool> pools = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "worker-pool-ticker");
        t.setDaemon(true);
        return t;
    });

    private final Consumer<String> log;

    private WorkerPools(Consumer<String> log) {
        this.log = log;
    }

    /**
     * Starts the minimum number of loops on each server.
     *
     * @param forked   the forking plugin runner, as the daemon creates it
     * @param builtins which checks run built-in in front of it
     * @param log      where every line goes (thread-safe)
     */
    public static WorkerPools start(WorkerSettings settings, PluginRunner forked, BuiltinSwitches builtins,
            Consumer<String> log) {
        PayloadCodec codec = settings.encryption() ? PayloadCodec.encrypted(SharedKey.fromPassword(settings.key()))
                : PayloadCodec.plain();
        PoolLimits limits = PoolLimits.of(settings);
        Duration jobTimeout = Duration.ofSeconds(settings.jobTimeout());
        WorkerPools all = new WorkerPools(log);
        for (ServerAddress server : settings.servers()) {
            ServerOutage outage = new ServerOutage(server, log);
            LoopPool pool = new LoopPool(limits, () -> new JobLoop(server, settings.queues(), codec, forked, builtins,
                    settings.identifier(), jobTimeout, log), outage, log, "worker-" + server);
            pool.start();
            all.pools.add(pool);
        }
        all.ticker.scheduleWithFixedDelay(all::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        return all;
    }

    /** Loops running now, over every server. */
    public int loops() {
        return pools.stream().mapToInt(LoopPool::size).sum();
    }

    private void tick() {
        try {
            pools.forEach(LoopPool::tick);
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: the pools would stop adapting in silence
            log.accept("Sizing the worker pools failed (" + e + "); trying again in " + TICK.toSeconds() + " s");
        }
    }

    /** Stops every loop; returns once each has finished the job it was running. */
    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        for (LoopPool pool : pools) {
            pool.close();
        }
    }
}
