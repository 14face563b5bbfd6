package org.vigil.web.pages;

import java.nio.file.Path;
import java.util.Objects;
import org.vigil.web.model.LogTail;
import org.vigil.web.model.Monitor;

/**
 * The one {@link LogTail} the log page and the detail pages' histories share, for the monitor's log file as it is
 * now (a new one when a reload names another); empty when no {@code log_file} is set. The log's end is parsed by a
 * background thread from the start, so the first pages need not wait for it (8 MB: seconds on a busy machine, while
 * twenty detail pages waited).
 */
final class LogTails {

    private final Monitor monitor;
    /** Read without the lock: under load a page would queue behind a descheduled holder for a field read. */
    private volatile LogTail tail;

    LogTails(Monitor monitor) {
        this.monitor = monitor;
        tail().ifPresent(t -> {
            Thread warm = new Thread(() -> {
                try {
                    t.entries();
                } catch (java.io.IOException e) {
                    // the first page says why the log cannot be read
                }
            }, "log-tail");
            warm.setDaemon(true);
            warm.start();
        });
    }

    java.util.Optional<LogTail> tail() {
        Path log = monitor.logFile().orElse(null);
        if (log == null) {
            return java.util.Optional.empty();
        }
        LogTail t = tail;
        if (t != null && Objects.equals(t.file(), log)) {
            return java.util.Optional.of(t);
        }
        return newTail(log);
    }

    private synchronized java.util.Optional<LogTail> newTail(Path log) {
        if (tail == null || !Objects.equals(tail.file(), log)) {
            tail = new LogTail(log);
        }
        return java.util.Optional.of(tail);
    }
}
