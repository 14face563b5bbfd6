package org.vigil.config;

import java.io.PrintStream;

/** Prints how long each loading stage took, when {@code -Dvigil.timing=true}; for benchmarks. */
public final class StageTimer {

    private static final boolean ENABLED = Boolean.getBoolean("vigil.timing");
    private final PrintStream out = System.err;
    private long last = System.nanoTime();

    /** Marks the end of a stage. */
    public void stage(String name) {
        if (!ENABLED) {
            return;
        }
        long now = System.nanoTime();
        out.printf("timing: %-22s %7.1f ms%n", name, (now - last) / 1e6);
        last = now;
    }
}
