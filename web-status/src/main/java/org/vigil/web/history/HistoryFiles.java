package org.vigil.web.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
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

    public HistoryFiles(Path logFile, Path archiveDir) {
        this.logFile = logFile;
        this.archiveDir = archiveDir;
    }

    /** The files to read for {@code [t1, t2]}, oldest first. */
    List<Path> covering(long t1, long t2) {
        List<Path> out = new ArrayList<>();
        int before = 0;
        for (Archive a : archives()) {
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
            // a reader that replaces bytes that are not UTF-8 rather than stopping at them
            try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(p),
                    StandardCharsets.UTF_8))) {
                r.lines().forEach(line);
            } catch (IOException | java.io.UncheckedIOException e) {
                // a file rotated away or unreadable: the lines read stand, as avail.cgi skips a file it cannot open
            }
        }
    }

    private record Archive(Path path, long first) {
    }

    /** The archives, newest first by their first entry. */
    private List<Archive> archives() {
        if (archiveDir == null || !Files.isDirectory(archiveDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(archiveDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".log") && Files.isRegularFile(p))
                    .filter(p -> logFile == null || !p.toAbsolutePath().equals(logFile.toAbsolutePath()))
                    .map(p -> new Archive(p, firstTime(p)))
                    .sorted(Comparator.comparingLong(Archive::first).reversed()).toList();
        } catch (IOException e) {
            return List.of();
        }
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
