package org.vigil.web.pages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.vigil.web.auth.Access;
import org.vigil.web.model.EventLog;
import org.vigil.web.model.LogEntry;
import org.vigil.web.model.Monitor;
import org.vigil.model.StatusSnapshot;

/**
 * A page of the event log, newest first: the entries that pass a filter, whether older ones exist, and why the
 * log could not be read ({@code problem}, null when it was).
 */
public record LogSlice(List<LogEntry> entries, boolean more, String problem) {

    public LogSlice {
        entries = List.copyOf(entries);
    }

    /** The {@code max} newest entries passing {@code keep}, after skipping the {@code skip} newest of them. */
    static LogSlice newest(Monitor monitor, Predicate<LogEntry> keep, int skip, int max) {
        Optional<java.nio.file.Path> file = monitor.logFile();
        if (file.isEmpty()) {
            return new LogSlice(List.of(), false, "no log_file is set in nagios.cfg");
        }
        List<String> lines;
        try {
            lines = EventLog.tail(file.get());
        } catch (IOException e) {
            return new LogSlice(List.of(), false, "cannot read the log file: " + e.getMessage());
        }
        List<LogEntry> out = new ArrayList<>();
        int skipped = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            LogEntry e = EventLog.parseAny(lines.get(i));
            if (e == null || !keep.test(e)) {
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

    /** What a user may read: everything with all objects; else only lines about hosts and services it sees. */
    static Predicate<LogEntry> visibleTo(Access a, StatusSnapshot s) {
        return e -> a.user().allObjects() || (e.host() != null && a.canSee(e.host(), e.service(), s));
    }
}
