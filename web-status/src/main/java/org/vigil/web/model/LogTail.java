package org.vigil.web.model;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The parsed lines of the end of one log file (its last {@link EventLog#WINDOW} bytes, as {@link EventLog#tail}
 * reads them), kept between requests and read on from where the last read stopped as the file grows: a detail page
 * at 100,000 services read and parsed the whole 8 MB for each request (about 80,000 lines, two regular expressions
 * each), so twenty clients on detail pages spent their time there. A rotated file (another file, or a smaller one) is
 * read again from its end. What {@link #entries} returns never changes: later lines go after its end.
 */
public final class LogTail {

    /**
     * The entries read, oldest first, from {@code from} to {@code to} of {@code all} (shared, never overwritten);
     * {@code all[i]} is the line numbered {@code base + i} since the file was first read; {@code loading} while
     * another thread still reads the file for the first time (none are known then).
     */
    public record Entries(LogEntry[] all, long base, int from, int to, boolean loading) {

        /** How many entries. */
        public int size() {
            return to - from;
        }

        /** The {@code i}-th newest entry (0: the newest). */
        public LogEntry newest(int i) {
            return all[to - 1 - i];
        }

        /** The entry numbered {@code seq}, or null when it is not among these. */
        public LogEntry at(long seq) {
            long i = seq - base;
            return i < from || i >= to ? null : all[(int) i];
        }
    }

    /** The numbers of one host's lines, oldest first. */
    private static final class Lines {
        long[] seqs = new long[4];
        int count;
    }

    private final Path file;
    /** One reader at a time; it alone uses {@code fileKey} and {@code offset}. */
    private final ReentrantLock reading = new ReentrantLock();
    private volatile boolean once;
    private Object fileKey;
    private long offset;
    private LogEntry[] entries = new LogEntry[0];
    /** Where each entry's line starts in the file: the window's start drops the older ones. */
    private long[] starts = new long[0];
    private int first;
    private int count;
    /** The number of {@code entries[0]}. */
    private long base;
    /** The lines about each host (its services' included), so a detail page reads its own lines only. */
    private final java.util.Map<String, Lines> byHost = new java.util.HashMap<>();

    public LogTail(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * The parsed lines of the file's end now (lines that are not {@code [epoch] text} left out); none if absent.
     * One caller at a time reads on; the others take what was read so far rather than wait (at 100,000 services the
     * log grows by thousands of lines a second in a burst of results, and twenty pages waited on the one reading).
     * While another thread reads the file for the first time (8 MB at 100,000 services: seconds on a busy machine,
     * right after a start), a caller waits at most {@link #FIRST_READ_WAIT_MILLIS} and then answers with no entries,
     * {@linkplain Entries#loading() loading}, so that the first pages after a start do not wait for the log.
     */
    public Entries entries() throws IOException {
        if (reading.tryLock() || (!once && lockReading())) {
            try {
                readOn();
                once = true;
            } finally {
                reading.unlock();
            }
        }
        return snapshot();
    }

    /** How long a caller waits for another thread's first read of the file before it answers "loading". */
    static final long FIRST_READ_WAIT_MILLIS = 200;

    private boolean lockReading() {
        try {
            return reading.tryLock(FIRST_READ_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the file was read once (false while its first read is under way). */
    public boolean loaded() {
        return once;
    }

    private synchronized Entries snapshot() {
        return new Entries(entries, base, first, count, !once);
    }

    /** Runs {@code r} as the file's reader, so that no other caller reads meanwhile (tests: a long first read). */
    void asReader(Runnable r) {
        reading.lock();
        try {
            r.run();
        } finally {
            reading.unlock();
        }
    }

    /** Reads what was added to the file since the last call; the reading lock held. */
    private void readOn() throws IOException {
        BasicFileAttributes a = attributes();
        if (a == null || !Objects.equals(fileKey, a.fileKey()) || a.size() < offset
                || a.size() - offset > EventLog.WINDOW) {
            fileKey = a == null ? null : a.fileKey();
            offset = 0;
            clear();
        }
        if (a != null && a.size() > offset) {
            readFrom(offset == 0 ? Math.max(0, a.size() - EventLog.WINDOW) : offset, a.size());
        }
    }

    /**
     * The numbers of the lines of {@code entries} about {@code host} (its services' included), newest first; read
     * them with {@link Entries#at}.
     */
    public synchronized long[] newestOf(String host, Entries in) {
        Lines l = byHost.get(host);
        if (l == null) {
            return new long[0];
        }
        long lo = in.base() + in.from();
        long hi = in.base() + in.to();
        long[] out = new long[l.count];
        int n = 0;
        for (int i = l.count - 1; i >= 0 && l.seqs[i] >= lo; i--) {
            if (l.seqs[i] < hi) {
                out[n++] = l.seqs[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private synchronized void clear() {
        entries = new LogEntry[0];
        starts = new long[0];
        first = 0;
        count = 0;
        base = 0;
        byHost.clear();
    }

    /** Parses the complete lines from {@code from} to {@code size}; a cut first line (window start) is skipped. */
    private void readFrom(long from, long size) throws IOException {
        byte[] buf = new byte[(int) (size - from)];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(from);
            f.readFully(buf);
        }
        int start = 0;
        if (from > 0 && offset == 0) {
            start = next(buf, 0); // cut in the middle
            if (start < 0) {
                return;
            }
        }
        List<LogEntry> read = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        int end;
        while ((end = indexOf(buf, start)) >= 0) {
            LogEntry e = EventLog.parseAny(new String(buf, start, end - start, StandardCharsets.UTF_8));
            if (e != null) {
                read.add(e);
                at.add(from + start);
            }
            start = end + 1;
        }
        offset = from + start; // a line still being written is read with the next call
        append(read, at, offset - EventLog.WINDOW);
    }

    /** Adds what was read and drops the lines that start before {@code windowStart}. */
    private synchronized void append(List<LogEntry> read, List<Long> at, long windowStart) {
        for (int i = 0; i < read.size(); i++) {
            add(read.get(i), at.get(i));
        }
        while (first < count && starts[first] < windowStart) {
            first++; // left in place: an Entries handed out before may still read it
        }
    }

    private void add(LogEntry e, long start) {
        if (count == entries.length) {
            // a new array, so the entries already handed out stay as they are; the dropped ones are left behind
            int live = count - first;
            int capacity = Math.max(1024, live * 2);
            entries = Arrays.copyOfRange(entries, first, first + capacity);
            starts = Arrays.copyOfRange(starts, first, first + capacity);
            count = live;
            base += first;
            first = 0;
            forget(base);
        }
        if (e.host() != null) {
            Lines l = byHost.computeIfAbsent(e.host(), h -> new Lines());
            if (l.count == l.seqs.length) {
                l.seqs = Arrays.copyOf(l.seqs, l.count * 2);
            }
            l.seqs[l.count++] = base + count;
        }
        entries[count] = e;
        starts[count++] = start;
    }

    /** Drops the numbers of lines before {@code oldest} from the hosts' lists (and the hosts left with none). */
    private void forget(long oldest) {
        byHost.values().removeIf(l -> {
            int drop = 0;
            while (drop < l.count && l.seqs[drop] < oldest) {
                drop++;
            }
            if (drop > 0) {
                System.arraycopy(l.seqs, drop, l.seqs, 0, l.count - drop);
                l.count -= drop;
            }
            return l.count == 0;
        });
    }

    private static int indexOf(byte[] buf, int from) {
        for (int i = from; i < buf.length; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int next(byte[] buf, int from) {
        int i = indexOf(buf, from);
        return i < 0 ? -1 : i + 1;
    }

    private BasicFileAttributes attributes() {
        try {
            return Files.exists(file) ? Files.readAttributes(file, BasicFileAttributes.class) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
