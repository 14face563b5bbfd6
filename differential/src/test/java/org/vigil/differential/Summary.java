package org.vigil.differential;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts over the whole suite, printed as its summary line. */
final class Summary {

    static final AtomicInteger SCENARIOS = new AtomicInteger();
    static final AtomicInteger LINES = new AtomicInteger();
    static final AtomicInteger DOCUMENTED = new AtomicInteger();

    private Summary() {
    }

    static void add(Comparison c) {
        SCENARIOS.incrementAndGet();
        LINES.addAndGet(c.comparedLines());
        DOCUMENTED.addAndGet(c.documented().size());
    }

    static String line() {
        return "Engine differential (Vigil vs nagios4): " + SCENARIOS.get() + " scenarios, " + LINES.get()
                + " compared lines, " + DOCUMENTED.get() + " documented differences";
    }
}
