package org.vigil.worker.dispatch;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Where the dispatch's lines go: the log of the latest engine that asked for a runner (the daemon's nagios.log,
 * which outlives reloads). Every line starts {@value #PREFIX}.
 */
final class DispatchLog {

    static final String PREFIX = "Gearman dispatch: ";

    private final AtomicReference<Consumer<String>> target = new AtomicReference<>(line -> { });

    void use(Consumer<String> log) {
        target.set(Objects.requireNonNull(log));
    }

    void line(String text) {
        target.get().accept(PREFIX + text);
    }
}
