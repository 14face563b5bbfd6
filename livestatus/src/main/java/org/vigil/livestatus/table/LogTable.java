package org.vigil.livestatus.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.livestatus.query.TimeRange;

/**
 * The {@code log} table: the Nagios log and its archives, newest entry first (as Naemon answers, so a
 * {@code Limit:} gives the latest), with the host and service as they are now under {@code current_host_} and
 * {@code current_service_}. Rows are read file by file as the query iterates, so a query that stops early
 * (a limit) does not read the older archives. AuthUser sees the entries about the objects it sees, and those about
 * no object except alerts, notifications, passive checks and states of objects that no longer exist.
 */
final class LogTable {

    /** One log entry of one request. */
    record LogRow(Scope scope, LogLine line) {

        HostRow host() {
            return line.hostName().isEmpty() ? null : scope.host(line.hostName());
        }

        ServiceRow service() {
            return line.serviceDescription().isEmpty() ? null
                    : scope.service(line.hostName(), line.serviceDescription());
        }
    }

    private final LiveTables tables;
    private final LogFiles files;

    LogTable(LiveTables tables, Path logFile, Path archiveDir) {
        this.tables = tables;
        this.files = new LogFiles(logFile, archiveDir);
    }

    LogFiles files() {
        return files;
    }

    SimpleTable<LogRow> table(List<Column<HostRow>> hostColumns, List<Column<ServiceRow>> serviceColumns) {
        Columns<LogRow> c = new Columns<>();
        c.seconds("time", "Time of the log event (epoch seconds)", r -> r.line().time())
                .integer("lineno", "The number of the line in the log file", r -> r.line().lineno())
                .integer("class", "The class of the message (0 info, 1 alert, 2 program, 3 notification, "
                        + "4 passive, 5 command, 6 state)", r -> r.line().logClass())
                .text("message", "The complete message line including the timestamp", r -> r.line().message())
                .text("type", "The type of the message (text before the colon), the message itself for info "
                        + "messages", r -> r.line().type())
                .text("options", "The part of the message after the ':'", r -> r.line().options())
                .text("comment", "A comment field used in various message types", r -> r.line().comment())
                .text("plugin_output", "The output of the check, if any is associated with the message",
                        r -> r.line().pluginOutput())
                .integer("state", "The state of the host or service in question", r -> r.line().state())
                .text("state_type", "The type of the state (varies on different log classes)",
                        r -> r.line().stateType())
                .integer("attempt", "The number of the check attempt", r -> r.line().attempt())
                .text("service_description", "The description of the service the entry is about (may be empty)",
                        r -> r.line().serviceDescription())
                .text("host_name", "The name of the host the entry is about (may be empty)",
                        r -> r.line().hostName())
                .text("contact_name", "The name of the contact the entry is about (may be empty)",
                        r -> r.line().contactName())
                .text("command_name", "The name of the command of the entry (e.g. for notifications)",
                        r -> r.line().commandName());
        c.prefixedOrEmpty("current_host_", hostColumns, LogRow::host);
        c.prefixedOrEmpty("current_service_", serviceColumns, LogRow::service);
        return new SimpleTable<>("log", c.build(), this::rows);
    }

    private Iterable<LogRow> rows(QueryContext ctx) {
        Scope scope = tables.scope(ctx);
        List<Path> paths = files.newestFirst();
        return () -> new NewestFirst(scope, paths, ctx.timeRange());
    }

    /** Whether the request may see {@code line}. */
    static boolean visible(Scope scope, LogLine line) {
        if (scope.visibility().all()) {
            return true;
        }
        if (line.hasObject()) {
            if (!line.serviceDescription().isEmpty()) {
                ServiceRow s = scope.service(line.hostName(), line.serviceDescription());
                if (s != null) {
                    return scope.visibility().service(s.position());
                }
            }
            HostRow h = scope.host(line.hostName());
            if (h != null) {
                return scope.visibility().host(h.position());
            }
        }
        int k = line.logClass();
        return k != LogLine.ALERT && k != LogLine.NOTIFICATION && k != LogLine.PASSIVE && k != LogLine.STATE;
    }

    /**
     * Walks the files newest first and each file's entries backwards, reading a file only when reached, and only
     * when its entries (from its first entry's time to the next newer file's) may meet the request's time filters.
     */
    private final class NewestFirst implements Iterator<LogRow> {

        private final Scope scope;
        private final List<Path> paths;
        private final TimeRange range;
        private int file = -1;
        private List<LogLine> lines = new ArrayList<>();
        private int at = -1;
        private LogRow next;

        NewestFirst(Scope scope, List<Path> paths, TimeRange range) {
            this.scope = scope;
            this.paths = paths;
            this.range = range;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (at < 0) {
                    if (++file >= paths.size()) {
                        return false;
                    }
                    long newer = file == 0 ? Long.MAX_VALUE : files.firstTime(paths.get(file - 1));
                    if (newer < range.from()) {
                        return false; // this file and the older ones end before the range
                    }
                    if (range.to() != Long.MAX_VALUE && files.firstTime(paths.get(file)) > range.to()) {
                        continue; // starts after the range
                    }
                    lines = files.lines(paths.get(file));
                    at = lines.size() - 1;
                    continue;
                }
                LogLine l = lines.get(at--);
                if (visible(scope, l)) {
                    next = new LogRow(scope, l);
                }
            }
            return true;
        }

        @Override
        public LogRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LogRow r = next;
            next = null;
            return r;
        }
    }
}
