package org.vigil.web.pages;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.vigil.web.history.HistoryIndex;
import org.vigil.web.model.Monitor;

/**
 * The one {@link HistoryIndex} the history pages share, for the monitor's log and archive directory as they are
 * now (a new one when a reload moves them); a new index is filled by a background thread from the start, so the
 * first page need not wait for the whole log.
 */
final class HistoryIndexes {

    private record Keyed(Path logFile, Path archiveDir, HistoryIndex index) {
    }

    private final Monitor monitor;
    private Keyed keyed;

    HistoryIndexes(Monitor monitor) {
        this.monitor = monitor;
        index(); // starts reading the log now, before the first page asks
    }

    synchronized HistoryIndex index() {
        Path log = monitor.logFile().orElse(null);
        Path archives = monitor.logArchiveDir().orElse(null);
        if (keyed == null || !Objects.equals(keyed.logFile(), log) || !Objects.equals(keyed.archiveDir(), archives)) {
            HistoryIndex index = new HistoryIndex(log, archives);
            Thread warm = new Thread(() -> index.warm(Instant.now().getEpochSecond()), "history-index");
            warm.setDaemon(true);
            warm.start();
            keyed = new Keyed(log, archives, index);
        }
        return keyed.index();
    }
}
