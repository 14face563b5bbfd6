package org.vigil.web.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.vigil.web.auth.Access;
import org.vigil.web.model.LogEntry;
import org.vigil.web.model.LogTail;
import org.vigil.model.StatusSnapshot;

/**
 * A page of the event log, newest first: the entries that pass a filter, whether older ones exist, why the
 * log could not be read ({@code problem}, null when it was), and whether the log's first read after a start is still
 * under way ({@code loading}: no entries are known yet, the page says so rather than wait).
 */
public record LogSlice(List<LogEntry> entries, boolean more, String problem, boolean loading) {

    public LogSlice {
        entries = List.copyOf(entries);
    }

    LogSlice(List<LogEntry> entries, boolean more, String problem) {
        this(entries, more, problem, false);
    }

    private static LogSlice stillLoading() {
        return new LogSlice(List.of(), false, null, true);
    }

    /** The {@code max} newest entries passing {@code keep}, after skipping the {@code skip} newest of them. */
    static LogSlice newest(LogTails tails, Predicate<LogEntry> keep, int skip, int max) {
        Optional<LogTail> tail = tails.tail();
        if (tail.isEmpty()) {
            return new LogSlice(List.of(), false, "no log_file is set in nagios.cfg");
        }
        LogTail.Entries entries;
        try {
            entries = tail.get().entries();
        } catch (IOException e) {
            return new LogSlice(List.of(), false, "cannot read the log file: " + e.getMessage());
        }
        if (entries.loading()) {
            return stillLoading();
        }
        List<LogEntry> out = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < entries.size(); i++) {
            LogEntry e = entries.newest(i);
            if (!keep.test(e)) {
                continue;
            }
            if (skipped < skip) {
                skipped++;
            } else if (out.size() == max) {
                return new LogSlice(out, true, null);
            } else {
                out.add(e);
            }
        }
        return new LogSlice(out, false, null);
    }

    /**
     * The {@code max} newest entries about {@code host} (its services' included) passing {@code keep}: only that
     * host's lines are read (a detail page's history; the log's end holds some 80,000 lines at 100,000 services).
     */
    static LogSlice newestOf(LogTails tails, String host, Predicate<LogEntry> keep, int max) {
        Optional<LogTail> tail = tails.tail();
        if (tail.isEmpty()) {
            return new LogSlice(List.of(), false, "no log_file is set in nagios.cfg");
        }
        LogTail.Entries entries;
        long[] lines;
        try {
            entries = tail.get().entries();
            lines = tail.get().newestOf(host, entries);
        } catch (IOException e) {
            return new LogSlice(List.of(), false, "cannot read the log file: " + e.getMessage());
        }
        if (entries.loading()) {
            return stillLoading();
        }
        List<LogEntry> out = new ArrayList<>();
        for (long seq : lines) {
            LogEntry e = entries.at(seq);
            if (e == null || !keep.test(e)) {
                continue;
            }
            if (out.size() == max) {
                return new LogSlice(out, true, null);
            }
            out.add(e);
        }
        return new LogSlice(out, false, null);
    }

    /** What a user may read: everything with all objects; else only lines about hosts and services it sees. */
    static Predicate<LogEntry> visibleTo(Access a, StatusSnapshot s) {
        return e -> a.user().allObjects() || (e.host() != null && a.canSee(e.host(), e.service(), s));
    }
}
