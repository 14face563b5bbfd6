package org.vigil.checks.exec;

import java.util.concurrent.Semaphore;

/**
 * How many plugins are being forked at once, whatever the pool size: forking is the CPU-heavy part, so a large
 * pool waits in read(), not in the kernel. The steady cap is the number of cores ({@code -Dvigil.forks=N}); while
 * a sweep runs (a deliberate burst: every check now, as fast as the machine goes) it is twice that
 * ({@code -Dvigil.sweep.forks=N}), which measured 1.56 s against 1.78 s for the 1,736-check sweep bench with
 * 2 cores, where the steady engine bench showed no gain from the wider cap.
 */
public final class ForkCap {

    private static final int STEADY = Math.max(1,
            Integer.getInteger("vigil.forks", Runtime.getRuntime().availableProcessors()));
    private static final int BURST = Math.max(STEADY, Integer.getInteger("vigil.sweep.forks", 2 * STEADY));

    private static final Permits PERMITS = new Permits(STEADY);
    private static int bursts;

    private ForkCap() {
    }

    static void acquire() {
        PERMITS.acquireUninterruptibly();
    }

    /** A fork permit if one is free now (a thread that must not wait hands the run to one that may). */
    static boolean tryAcquire() {
        return PERMITS.tryAcquire();
    }

    static void release() {
        PERMITS.release();
    }

    /** A burst begins (a sweep started): the cap widens until every burst has ended. */
    public static synchronized void burstBegins() {
        if (bursts++ == 0) {
            PERMITS.release(BURST - STEADY);
        }
    }

    /** A burst ended; with none left, the cap narrows again (forks under way finish first). */
    public static synchronized void burstEnds() {
        if (bursts > 0 && --bursts == 0) {
            PERMITS.shrink(BURST - STEADY);
        }
    }

    /** Forks that may start now (for tests). */
    static int available() {
        return PERMITS.availablePermits();
    }

    static int steady() {
        return STEADY;
    }

    static int burst() {
        return BURST;
    }

    /** The permits, with the shrinking that Semaphore keeps protected. */
    private static final class Permits extends Semaphore {
        private static final long serialVersionUID = 1L;

        Permits(int n) {
            super(n);
        }

        void shrink(int n) {
            reducePermits(n);
        }
    }
}
