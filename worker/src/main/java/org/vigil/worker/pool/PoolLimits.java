package org.vigil.worker.pool;

import java.time.Duration;
import org.vigil.worker.settings.WorkerSettings;

/**
 * How many job loops serve one gearmand, as mod_gearman's worker.conf keys size its process pool: never fewer than
 * {@code min-worker}, never more than {@code max-worker}; {@code spawn-rate} more each second while nearly all are
 * busy; an extra loop without a job for {@code idle-timeout} seconds ends (0: never).
 *
 * @param min         {@code min-worker} (mod_gearman's default 1)
 * @param max         {@code max-worker} (default 20)
 * @param spawnRate   {@code spawn-rate}: loops added per second while busy (default 1)
 * @param idleTimeout {@code idle-timeout} (default 10 s; zero: idle loops stay)
 */
public record PoolLimits(int min, int max, int spawnRate, Duration idleTimeout) {

    public PoolLimits {
        if (min < 1 || max < min || spawnRate < 1 || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("bad pool limits: min " + min + ", max " + max + ", spawn rate "
                    + spawnRate + ", idle timeout " + idleTimeout);
        }
    }

    /** The limits the settings give, with mod_gearman's defaults (common.h) for keys not set. */
    public static PoolLimits of(WorkerSettings settings) {
        return new PoolLimits(settings.minWorker(), settings.maxWorker(),
                Math.max(1, number(settings, "spawn-rate", 1)),
                Duration.ofSeconds(Math.max(0, number(settings, "idle-timeout", 10))));
    }

    private static int number(WorkerSettings settings, String key, int dflt) {
        String v = settings.otherValue(key);
        return v == null ? dflt : Integer.parseInt(v);
    }

    /**
     * The number of loops to have given {@code loops} running with {@code busy} of them on a job: mod_gearman's
     * {@code adjust_number_of_worker} without its load limits: grow by the spawn rate when some job runs and over
     * 90% of the loops, or all but two at most, are busy; never above {@code max} nor below {@code min}.
     */
    public int target(int loops, int busy) {
        if (loops < min) {
            return min;
        }
        if (loops >= max) {
            return loops;
        }
        boolean nearlyAllBusy = busy > 0 && (busy * 100 / loops > 90 || loops - busy <= 2);
        return nearlyAllBusy ? Math.min(max, loops + spawnRate) : loops;
    }
}
