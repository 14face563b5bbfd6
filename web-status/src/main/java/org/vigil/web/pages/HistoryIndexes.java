package org.vigil.web.pages;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.web.history.HistoryIndex;
import org.vigil.web.model.Monitor;

/**
 * The one {@link HistoryIndex} the history pages share, for the monitor's log and archive directory as they are
 * now (a new one when a reload moves them); a new index is filled by a background thread from the start, so the
 * first page need not wait for the whole log. An index's table of host and service names only grows: at most once
 * an hour it is checked, and when at least a quarter of its names (and {@link #MIN_STALE} or more) are named by no
 * file within the span any more (hosts and services removed, their archives aged out), a new index is filled in
 * the background and takes over when it is ready; the old one answers until then.
 */
final class HistoryIndexes {

    /** How often the name table is checked. */
    static final long CHECK_SECONDS = 3600;
    /** Fewer stale names than this are not worth reading the span's archives again. */
    static final int MIN_STALE = 1000;

    private record Keyed(Path logFile, Path archiveDir, HistoryIndex index) {
    }

    private final Supplier<Optional<Path>> logFile;
    private final Supplier<Optional<Path>> archiveDir;
    private final Duration span;
    private final long checkSeconds;
    private final int minStale;
    /** Read without the lock on the common path (the index as it is, no check due): see {@link #index}. */
    private volatile Keyed keyed;
    private volatile long nextCheck;
    private boolean renewing;

    /** @param span how far back the index keeps archives parsed ({@code pages.history_index_days}) */
    HistoryIndexes(Monitor monitor, Duration span) {
        this(monitor::logFile, monitor::logArchiveDir, span, CHECK_SECONDS, MIN_STALE);
    }

    HistoryIndexes(Supplier<Optional<Path>> logFile, Supplier<Optional<Path>> archiveDir, Duration span,
                   long checkSeconds, int minStale) {
        this.logFile = logFile;
        this.archiveDir = archiveDir;
        this.span = span;
        this.checkSeconds = checkSeconds;
        this.minStale = minStale;
        index(); // starts reading the log now, before the first page asks
    }

    /**
     * The index of the log and archive directory as they are now; without the lock when nothing is to change (under
     * load a page would queue behind a descheduled holder of the monitor for a field read).
     */
    HistoryIndex index() {
        Path log = logFile.get().orElse(null);
        Path archives = archiveDir.get().orElse(null);
        long now = Instant.now().getEpochSecond();
        Keyed k = keyed;
        if (k != null && Objects.equals(k.logFile(), log) && Objects.equals(k.archiveDir(), archives)
                && now < nextCheck) {
            return k.index();
        }
        return index(log, archives, now);
    }

    private synchronized HistoryIndex index(Path log, Path archives, long now) {
        if (keyed == null || !Objects.equals(keyed.logFile(), log) || !Objects.equals(keyed.archiveDir(), archives)) {
            HistoryIndex index = new HistoryIndex(log, archives, span);
            background(() -> index.warm(Instant.now().getEpochSecond()));
            keyed = new Keyed(log, archives, index);
            nextCheck = now + checkSeconds;
        } else if (now >= nextCheck && !renewing) {
            nextCheck = now + checkSeconds;
            renewing = true;
            Keyed old = keyed;
            background(() -> renew(old));
        }
        return keyed.index();
    }

    /** Replaces {@code old}'s index with a new one, filled first, when its name table holds many stale names. */
    private void renew(Keyed old) {
        try {
            long now = Instant.now().getEpochSecond();
            int stale = old.index().staleNames(now);
            if (stale < minStale || stale * 4L < old.index().names()) {
                return;
            }
            HistoryIndex fresh = new HistoryIndex(old.logFile(), old.archiveDir(), span);
            fresh.warm(now);
            synchronized (this) {
                if (keyed == old) { // not moved by a reload meanwhile
                    keyed = new Keyed(old.logFile(), old.archiveDir(), fresh);
                }
            }
        } finally {
            synchronized (this) {
                renewing = false;
            }
        }
    }

    private static void background(Runnable work) {
        Thread t = new Thread(work, "history-index");
        t.setDaemon(true);
        t.start();
    }
}
