package org.vigil.config;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Prints how long each loading stage took, when {@code -Dvigil.timing=true}; for benchmarks. Beside the wall time
 * it prints the process's CPU time (all threads): on a shared machine the CPU time is the steadier figure, and CPU
 * above wall shows a stage that used more than one core.
 */
public final class StageTimer {

    private static final boolean ENABLED = Boolean.getBoolean("vigil.timing");
    private final PrintStream out = System.err;
    private long last = System.nanoTime();
    private long lastCpu = ENABLED ? processCpu() : 0;

    /** Marks the end of a stage. */
    public void stage(String name) {
        if (!ENABLED) {
            return;
        }
        long now = System.nanoTime();
        long cpu = processCpu();
        out.printf("timing: %-22s %7.1f ms wall %7.1f ms cpu%n", name, (now - last) / 1e6, (cpu - lastCpu) / 1e6);
        last = now;
        lastCpu = cpu;
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
