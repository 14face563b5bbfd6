package org.vigil.livestatus.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Nagios log ({@code log_file}) and its archives (the {@code *.log} files in {@code log_archive_path}), each
 * parsed into {@link LogLine}s once and kept while the file's size and modification time stay the same (an
 * archive never changes; the current log is parsed again when it has grown). Files are ordered by their first
 * entry's time, so a reader that wants the newest entries reads the newest files first and may stop early.
 */
final class LogFiles {

    /** One file's entries, oldest first, and when it starts. */
    record Parsed(Path path, long size, long modified, long firstTime, List<LogLine> lines) {
    }

    private final Path logFile;
    private final Path archiveDir;
    private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();
    private final Map<Path, long[]> firstTimes = new ConcurrentHashMap<>();

    LogFiles(Path logFile, Path archiveDir) {
        this.logFile = logFile;
        this.archiveDir = archiveDir;
    }

    /** The files there are now, newest first (the current log, then the archives by their first entry). */
    List<Path> newestFirst() {
        List<Path> archives = new ArrayList<>();
        if (archiveDir != null && Files.isDirectory(archiveDir)) {
            try (Stream<Path> s = Files.list(archiveDir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".log") && Files.isRegularFile(p))
                        .filter(p -> logFile == null || !same(p, logFile)).forEach(archives::add);
            } catch (IOException e) {
                // an unreadable archive directory has no entries to give
            }
        }
        archives.sort(Comparator.comparingLong(this::firstTime).reversed());
        List<Path> all = new ArrayList<>();
        if (logFile != null && Files.isRegularFile(logFile)) {
            all.add(logFile);
        }
        all.addAll(archives);
        return all;
    }

    /** The entries of {@code path}, oldest first; none if it cannot be read. */
    List<LogLine> lines(Path path) {
        return parsed(path).lines();
    }

    /** How many files have been read (parsed) so far. */
    int parsedFiles() {
        return cache.size();
    }

    /** The time of {@code path}'s first entry, read from its first lines only (kept while the file is unchanged). */
    private long firstTime(Path path) {
        long modified;
        try {
            modified = Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
        long[] known = firstTimes.get(path);
        if (known != null && known[0] == modified) {
            return known[1];
        }
        long first = Long.MAX_VALUE;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8))) {
            String line;
            while (first == Long.MAX_VALUE && (line = r.readLine()) != null) {
                LogLine l = LogParser.parse(line, 1);
                if (l != null) {
                    first = l.time();
                }
            }
        } catch (IOException e) {
            // unreadable: sorts as the newest, and gives no entries
        }
        firstTimes.put(path, new long[] {modified, first});
        return first;
    }

    private Parsed parsed(Path path) {
        long size;
        long modified;
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            size = a.size();
            modified = a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return new Parsed(path, -1, -1, 0, List.of());
        }
        Parsed p = cache.get(path);
        if (p != null && p.size() == size && p.modified() == modified) {
            return p;
        }
        Parsed fresh = read(path, size, modified);
        cache.put(path, fresh);
        return fresh;
    }

    private static Parsed read(Path path, long size, long modified) {
        List<LogLine> lines = new ArrayList<>();
        // an InputStreamReader replaces bytes that are not UTF-8 instead of failing on them
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path),
                StandardCharsets.UTF_8))) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                LogLine l = LogParser.parse(line, n);
                if (l != null) {
                    lines.add(l);
                }
            }
        } catch (IOException e) {
            // a file that vanished (rotated away): what was read stands
        }
        long first = lines.isEmpty() ? Long.MAX_VALUE : lines.get(0).time();
        return new Parsed(path, size, modified, first, List.copyOf(lines));
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
