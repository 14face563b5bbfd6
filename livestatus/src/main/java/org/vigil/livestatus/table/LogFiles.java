package org.vigil.livestatus.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Nagios log ({@code log_file}) and its archives (the {@code *.log} files in {@code log_archive_path}), parsed
 * into {@link LogLine}s. The current log is parsed once and then only from where the last parse stopped as it grows
 * (again from the start when it was rotated: another file, or a smaller one). Archives do not change: the parsed
 * ones are kept, the least recently read dropped beyond a number of lines ({@link #MAX_CACHED_LINES}), so a year of
 * archives does not stay on the heap. Files are ordered by their first entry's time, so a reader that wants the
 * newest entries reads the newest files first and may stop early.
 */
final class LogFiles {

    /** The most archive lines kept parsed by default (a few hundred bytes each). */
    static final int MAX_CACHED_LINES = 500_000;

    /** One file's entries, oldest first, as far as {@code bytes} (a whole number of lines). */
    record Parsed(Path path, Object fileKey, long bytes, long modified, long lastLineno, List<LogLine> lines) {

        long firstTime() {
            return lines.isEmpty() ? Long.MAX_VALUE : lines.get(0).time();
        }
    }

    private final Path logFile;
    private final Path archiveDir;
    private volatile Parsed current;
    private final Map<Path, Parsed> archives = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Path, long[]> firstTimes = new ConcurrentHashMap<>();
    private final int maxCachedLines;
    private int archiveLines;

    LogFiles(Path logFile, Path archiveDir) {
        this(logFile, archiveDir, MAX_CACHED_LINES);
    }

    LogFiles(Path logFile, Path archiveDir, int maxCachedLines) {
        this.logFile = logFile;
        this.archiveDir = archiveDir;
        this.maxCachedLines = maxCachedLines;
    }

    /** The files there are now, newest first (the current log, then the archives by their first entry). */
    List<Path> newestFirst() {
        List<Path> found = new ArrayList<>();
        if (archiveDir != null && Files.isDirectory(archiveDir)) {
            try (Stream<Path> s = Files.list(archiveDir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".log") && Files.isRegularFile(p))
                        .filter(p -> logFile == null || !same(p, logFile)).forEach(found::add);
            } catch (IOException e) {
                // an unreadable archive directory has no entries to give
            }
        }
        found.sort(Comparator.comparingLong(this::firstTime).reversed());
        List<Path> all = new ArrayList<>();
        if (logFile != null && Files.isRegularFile(logFile)) {
            all.add(logFile);
        }
        all.addAll(found);
        return all;
    }

    /** The entries of {@code path}, oldest first; none if it cannot be read. */
    List<LogLine> lines(Path path) {
        return path.equals(logFile) ? currentLog().lines() : archive(path).lines();
    }

    /** How many files are parsed and kept now (the current log included). */
    synchronized int parsedFiles() {
        return archives.size() + (current == null ? 0 : 1);
    }

    private synchronized Parsed currentLog() {
        BasicFileAttributes a = attributes(logFile);
        if (a == null) {
            return empty(logFile);
        }
        Parsed p = current;
        long modified = a.lastModifiedTime().toMillis();
        boolean sameFile = p != null && Objects.equals(p.fileKey(), a.fileKey()) && a.size() >= p.bytes();
        if (sameFile && a.size() == p.bytes() && p.modified() == modified) {
            return p;
        }
        current = sameFile ? read(logFile, a, p) : read(logFile, a, null);
        return current;
    }

    private synchronized Parsed archive(Path path) {
        BasicFileAttributes a = attributes(path);
        if (a == null) {
            return empty(path);
        }
        Parsed p = archives.get(path);
        if (p != null && p.bytes() <= a.size() && p.modified() == a.lastModifiedTime().toMillis()) {
            return p;
        }
        if (p != null) {
            archiveLines -= p.lines().size();
        }
        Parsed fresh = read(path, a, null);
        archives.put(path, fresh);
        archiveLines += fresh.lines().size();
        Iterator<Map.Entry<Path, Parsed>> oldest = archives.entrySet().iterator();
        while (archiveLines > maxCachedLines && oldest.hasNext()) {
            Map.Entry<Path, Parsed> e = oldest.next();
            if (e.getKey().equals(path)) {
                continue;
            }
            archiveLines -= e.getValue().lines().size();
            oldest.remove();
        }
        return fresh;
    }

    /** Parses {@code path} from where {@code from} stopped (from its start without one), whole lines only. */
    private static Parsed read(Path path, BasicFileAttributes a, Parsed from) {
        List<LogLine> lines = new ArrayList<>(from == null ? List.of() : from.lines());
        long offset = from == null ? 0 : from.bytes();
        long lineno = from == null ? 0 : from.lastLineno();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(ch.position(offset))) {
            byte[] buf = new byte[1 << 16];
            byte[] carry = new byte[0];
            int n;
            while ((n = in.read(buf)) > 0) {
                byte[] data = concat(carry, buf, n);
                int start = 0;
                for (int i = 0; i < data.length; i++) {
                    if (data[i] == '\n') {
                        lineno++;
                        LogLine l = LogParser.parse(new String(data, start, i - start, StandardCharsets.UTF_8),
                                lineno);
                        if (l != null) {
                            lines.add(l);
                        }
                        offset += i + 1 - start;
                        start = i + 1;
                    }
                }
                carry = java.util.Arrays.copyOfRange(data, start, data.length);
            }
        } catch (IOException e) {
            // a file that vanished (rotated away): what was read stands
        }
        return new Parsed(path, a.fileKey(), offset, a.lastModifiedTime().toMillis(), lineno, List.copyOf(lines));
    }

    private static byte[] concat(byte[] carry, byte[] buf, int n) {
        byte[] data = new byte[carry.length + n];
        System.arraycopy(carry, 0, data, 0, carry.length);
        System.arraycopy(buf, 0, data, carry.length, n);
        return data;
    }

    /** The time of {@code path}'s first entry, read from its first lines only (kept while the file is unchanged). */
    long firstTime(Path path) {
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
        try (var r = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
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

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static Parsed empty(Path path) {
        return new Parsed(path, null, 0, -1, 0, List.of());
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
