package org.vigil.web.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The history's events of the log and its recent archives, kept on the heap so a report reads no file: an archive
 * is parsed once, when first needed (or by {@link #warm}), and dropped when it disappears or grows older than the
 * span kept; the current log is read on from where the last read stopped, whole lines only, and from its start
 * again when it was rotated (another file, or a smaller one: the old one is then an archive). Archives older than
 * the span are read from their files, as {@link HistoryFiles} reads them. Only state, downtime and program lines
 * are events: 17 bytes each and 8 bytes per host or service a file names (see {@link EventColumns}), plus each
 * host's and service's names once ({@link SubjectNames}).
 */
public final class HistoryIndex {

    /**
     * How far back archives are kept by default: the named periods up to {@code last31days} and, with daily
     * rotation, the {@value HistoryFiles#BACKTRACK} archives read before a period for its first states; reports
     * further back ({@code lastmonth} late in a month, custom ones) read their older archives from the files.
     * vigil.yml's {@code pages.history_index_days} sets another.
     */
    public static final Duration DEFAULT_SPAN = Duration.ofDays(31 + 3);

    private final HistoryFiles files;
    private final long spanSeconds;
    private final Map<Path, Indexed> archives = new ConcurrentHashMap<>();
    private final Object archiveLock = new Object();
    private final SubjectNames names = new SubjectNames();
    private Current current = new Current(null, 0, List.of());

    private record Indexed(long modified, long size, EventColumns events) {
    }

    /** The current log's events as far as {@code offset}, in parts (fewer, larger ones as it grows). */
    private record Current(Object fileKey, long offset, List<EventColumns> parts) {
    }

    public HistoryIndex(Path logFile, Path archiveDir) {
        this(logFile, archiveDir, DEFAULT_SPAN);
    }

    /** @param span archives last modified longer ago than this are read from their files, not kept */
    public HistoryIndex(Path logFile, Path archiveDir, Duration span) {
        this.files = new HistoryFiles(logFile, archiveDir);
        this.spanSeconds = span.toSeconds();
    }

    /** Reads the current log and the archives within the span now, so the first report need not. */
    public void warm(long now) {
        currentParts();
        for (HistoryFiles.Archive a : files.archives()) {
            if (kept(a, now)) {
                archive(a);
            }
        }
    }

    /** Replays to {@code scan} what the files for {@code [t1, t2]} hold, oldest first, as reading them would. */
    void replay(long t1, long t2, long now, LogScan scan) {
        List<HistoryFiles.Archive> all = files.archives();
        archives.keySet().retainAll(all.stream().filter(a -> kept(a, now)).map(HistoryFiles.Archive::path).toList());
        Set<String> keys = scan.keys();
        for (Path p : files.covering(all, t1, t2)) {
            if (p.equals(files.logFile())) {
                for (EventColumns part : currentParts()) {
                    part.replay(keys, scan);
                }
                continue;
            }
            HistoryFiles.Archive a = all.stream().filter(x -> x.path().equals(p)).findFirst().orElseThrow();
            if (kept(a, now)) {
                archive(a).replay(keys, scan);
            } else {
                LineReader.read(p, 0, false, scan::line);
            }
        }
    }

    /**
     * How many of the host and service names the index holds no file within the span names any more (their
     * archives aged out of the span or were removed): the table never drops a name, so the index's owner replaces
     * the index with a new one when these are many ({@code HistoryIndexes}).
     */
    public int staleNames(long now) {
        List<HistoryFiles.Archive> all = files.archives();
        // no file is being parsed meanwhile: its names would be in the table and not yet in a file's
        synchronized (archiveLock) {
            synchronized (this) {
                archives.keySet().retainAll(all.stream().filter(a -> kept(a, now)).map(HistoryFiles.Archive::path)
                        .toList());
                java.util.BitSet named = new java.util.BitSet();
                archives.values().forEach(i -> i.events().markNames(named));
                currentParts().forEach(part -> part.markNames(named));
                return names.size() - named.cardinality();
            }
        }
    }

    /** How many host and service names the index holds. */
    public int names() {
        return names.size();
    }

    /** How many archives are kept parsed now. */
    int keptArchives() {
        return archives.size();
    }

    /** How many events are kept (archives and the current log). */
    long keptEvents() {
        long n = archives.values().stream().mapToLong(i -> i.events().size()).sum();
        synchronized (this) {
            return n + current.parts().stream().mapToLong(EventColumns::size).sum();
        }
    }

    /** Where the current log has been read to (bytes). */
    synchronized long currentOffset() {
        return current.offset();
    }

    private boolean kept(HistoryFiles.Archive a, long now) {
        return a.first() != Long.MAX_VALUE && a.modified() / 1000 >= now - spanSeconds;
    }

    private EventColumns archive(HistoryFiles.Archive a) {
        Indexed i = archives.get(a.path());
        if (i != null && i.modified() == a.modified() && i.size() == a.size()) {
            return i.events();
        }
        synchronized (archiveLock) { // one reader parses an archive; the others wait for it
            i = archives.get(a.path());
            if (i == null || i.modified() != a.modified() || i.size() != a.size()) {
                EventColumns.Builder b = EventColumns.builder(names);
                LineReader.read(a.path(), 0, false, b::line);
                i = new Indexed(a.modified(), a.size(), b.build());
                archives.put(a.path(), i);
            }
            return i.events();
        }
    }

    private synchronized List<EventColumns> currentParts() {
        Path log = files.logFile();
        BasicFileAttributes a = log == null ? null : attributes(log);
        if (a == null || !a.isRegularFile()) {
            current = new Current(null, 0, List.of());
            return List.of();
        }
        Current c = current;
        if (!Objects.equals(c.fileKey(), a.fileKey()) || a.size() < c.offset()) {
            c = new Current(a.fileKey(), 0, List.of()); // rotated: the old file is an archive now
        }
        if (a.size() > c.offset()) {
            EventColumns.Builder b = EventColumns.builder(names);
            long end = LineReader.read(log, c.offset(), true, b::line);
            EventColumns read = b.build();
            c = new Current(c.fileKey(), end, read.size() == 0 ? c.parts() : append(c.parts(), read));
        }
        current = c;
        return c.parts();
    }

    /** Appends {@code next}, merging the newest parts while the last is at least half the one before it. */
    private static List<EventColumns> append(List<EventColumns> parts, EventColumns next) {
        List<EventColumns> out = new ArrayList<>(parts);
        out.add(next);
        while (out.size() >= 2 && out.get(out.size() - 2).size() <= 2 * out.get(out.size() - 1).size()) {
            EventColumns later = out.remove(out.size() - 1);
            out.set(out.size() - 1, out.get(out.size() - 1).then(later));
        }
        return List.copyOf(out);
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }
}
