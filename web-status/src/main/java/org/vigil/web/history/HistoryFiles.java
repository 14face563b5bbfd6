package org.vigil.web.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.vigil.web.model.EventLog;
import org.vigil.web.model.LogEntry;

/**
 * The log files a report over {@code [t1, t2]} reads, oldest first: the archives in {@code log_archive_path} (any
 * {@code *.log}, ordered by their first entry) that start before {@code t2}, back to {@value #BACKTRACK} archives
 * before the one holding {@code t1} (avail.cgi's default {@code backtrack}, so the state at {@code t1} is known),
 * then the current log.
 */
public final class HistoryFiles {

    /** How many archives before the period's first one are read for the states in force at its start. */
    static final int BACKTRACK = 2;

    private final Path logFile;
    private final Path archiveDir;
    /** The archives' first times, kept while an archive's size and time are unchanged. */
    private final Map<Path, Archive> firstTimes = new ConcurrentHashMap<>();

    public HistoryFiles(Path logFile, Path archiveDir) {
        this.logFile = logFile;
        this.archiveDir = archiveDir;
    }

    /** The files to read for {@code [t1, t2]}, oldest first. */
    List<Path> covering(long t1, long t2) {
        return covering(archives(), t1, t2);
    }

    /** The files of {@code archives} (newest first) and the current log to read for {@code [t1, t2]}, oldest first. */
    List<Path> covering(List<Archive> archives, long t1, long t2) {
        List<Path> out = new ArrayList<>();
        int before = 0;
        for (Archive a : archives) {
            if (before > BACKTRACK) {
                break;
            }
            if (a.first() < t2) {
                out.add(a.path());
                if (a.first() <= t1) {
                    before++;
                }
            }
        }
        Collections.reverse(out);
        if (logFile != null && Files.isRegularFile(logFile)) {
            out.add(logFile);
        }
        return out;
    }

    /** Feeds every line of the files for {@code [t1, t2]} to {@code line}, oldest first; unreadable files give none. */
    void read(long t1, long t2, Consumer<String> line) {
        for (Path p : covering(t1, t2)) {
            LineReader.read(p, 0, false, line);
        }
    }

    Path logFile() {
        return logFile;
    }

    /** An archive, the time of its first entry, when it was last modified (epoch milliseconds) and its size. */
    record Archive(Path path, long first, long modified, long size) {
    }

    /** The archives, newest first by their first entry (read once per archive while it is unchanged). */
    List<Archive> archives() {
        if (archiveDir == null || !Files.isDirectory(archiveDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(archiveDir)) {
            List<Archive> found = s.filter(p -> p.getFileName().toString().endsWith(".log") && Files.isRegularFile(p))
                    .filter(p -> logFile == null || !p.toAbsolutePath().equals(logFile.toAbsolutePath()))
                    .map(this::archive)
                    .sorted(Comparator.comparingLong(Archive::first).reversed()).toList();
            firstTimes.keySet().retainAll(found.stream().map(Archive::path).toList());
            return found;
        } catch (IOException e) {
            return List.of();
        }
    }

    private Archive archive(Path p) {
        long modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(p).toMillis();
            size = Files.size(p);
        } catch (IOException e) {
            return new Archive(p, Long.MAX_VALUE, 0, 0);
        }
        Archive known = firstTimes.get(p);
        if (known != null && known.modified() == modified && known.size() == size) {
            return known;
        }
        Archive a = new Archive(p, firstTime(p), modified, size);
        firstTimes.put(p, a);
        return a;
    }

    private static long firstTime(Path p) {
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null) {
                LogEntry e = EventLog.parseAny(line);
                if (e != null) {
                    return e.time().getEpochSecond();
                }
            }
        } catch (IOException e) {
            // unreadable: sorts last, gives nothing
        }
        return Long.MAX_VALUE;
    }
}
