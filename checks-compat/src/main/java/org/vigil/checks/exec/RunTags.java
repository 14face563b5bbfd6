package org.vigil.checks.exec;

import java.util.concurrent.atomic.AtomicLong;

/** Unique values for {@link ProcessTree#TAG}: this JVM's pid, the runner, and a counter. */
final class RunTags {

    private final String prefix = ProcessHandle.current().pid() + "-" + Integer.toHexString(System.identityHashCode(this))
            + "-";
    private final AtomicLong counter = new AtomicLong();

    String next() {
        return prefix + counter.incrementAndGet();
    }
}
