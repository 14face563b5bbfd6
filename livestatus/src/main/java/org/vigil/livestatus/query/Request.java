package org.vigil.livestatus.query;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One Livestatus request, parsed: a {@code GET <table>} with its headers, or a {@code COMMAND [epoch] ...} line.
 * Parsing checks the syntax of every header; the columns it names are checked against the table when the request
 * is answered ({@link Queries}), since only then is the table known.
 */
public final class Request {

    private final String table;
    private final String command;
    private final List<String> columns;
    private final FilterExpr filter;
    private final List<StatsSpec> stats;
    private final List<SortSpec> sorts;
    private final int limit;
    private final int offset;
    private final OutputFormat format;
    private final Boolean columnHeaders;
    private final Separators separators;
    private final long timezoneOffset;
    private final String authUser;
    private final boolean keepAlive;
    private final boolean fixed16;
    private final String waitObject;
    private final FilterExpr waitCondition;
    private final String waitTrigger;
    private final Duration waitTimeout;
    private final boolean hasWait;

    Request(RequestParser p) {
        table = p.table;
        command = p.command;
        columns = List.copyOf(p.columns);
        filter = p.filters.isEmpty() ? null : p.filters.result();
        stats = List.copyOf(p.stats);
        sorts = List.copyOf(p.sorts);
        limit = p.limit;
        offset = p.offset;
        format = p.format;
        columnHeaders = p.columnHeaders;
        separators = p.separators;
        timezoneOffset = p.timezoneOffset;
        authUser = p.authUser;
        keepAlive = p.keepAlive;
        fixed16 = p.fixed16;
        waitObject = p.waitObject;
        waitCondition = p.waitConditions.isEmpty() ? null : p.waitConditions.result();
        waitTrigger = p.waitTrigger;
        waitTimeout = p.waitTimeout;
        hasWait = p.hasWait;
    }

    /** Parses one request: its lines without the terminating empty line. */
    public static Request parse(String text) throws LivestatusError {
        return parse(text, Clock.systemUTC());
    }

    /** Parses one request, {@code Localtime:} compared with {@code clock}. */
    public static Request parse(String text, Clock clock) throws LivestatusError {
        try {
            return new RequestParser(clock).parse(text);
        } catch (LivestatusError e) {
            throw e.askedFor(RequestParser.hasHeader(text, "ResponseHeader", "fixed16"),
                    RequestParser.hasHeader(text, "KeepAlive", "on"));
        }
    }

    /** A {@code COMMAND [epoch] NAME;args} request. */
    public boolean isCommand() {
        return command != null;
    }

    /** For a command: the text after {@code "COMMAND "} (what the command file would get); null for a GET. */
    public String command() {
        return command;
    }

    /** For a GET: the table's name; null for a command. */
    public String table() {
        return table;
    }

    /**
     * {@code KeepAlive: on}. A command keeps the connection open as Livestatus does (it answers nothing, so the
     * client may send the next request).
     */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** {@code ResponseHeader: fixed16}. */
    public boolean fixed16() {
        return fixed16;
    }

    public Optional<String> authUser() {
        return Optional.ofNullable(authUser);
    }

    public Optional<String> waitObject() {
        return Optional.ofNullable(waitObject);
    }

    /** check, state, log, downtime, comment, command, program or all. */
    public Optional<String> waitTrigger() {
        return Optional.ofNullable(waitTrigger);
    }

    /** {@link Duration#ZERO} when not given (wait without limit). */
    public Duration waitTimeout() {
        return waitTimeout;
    }

    /** Whether any {@code Wait*} header was given. */
    public boolean hasWait() {
        return hasWait;
    }

    /**
     * Whether the request has a {@code WaitCondition:}: without one, a wait ends at the first event of its
     * {@code WaitTrigger} (or its timeout), as Livestatus's does.
     */
    public boolean hasWaitCondition() {
        return waitCondition != null;
    }

    List<String> columns() {
        return columns;
    }

    /** The {@code Filter:} headers and-ed, or null when there are none. */
    FilterExpr filter() {
        return filter;
    }

    List<StatsSpec> stats() {
        return stats;
    }

    List<SortSpec> sorts() {
        return sorts;
    }

    /** {@code Limit:}, or -1 when not given. */
    int limit() {
        return limit;
    }

    int offset() {
        return offset;
    }

    OutputFormat format() {
        return format;
    }

    /** {@code ColumnHeaders:} on or off, or null when not given. */
    Boolean columnHeaders() {
        return columnHeaders;
    }

    Separators separators() {
        return separators;
    }

    /** Seconds added to every time shown (and taken from every time compared), from {@code Localtime:}. */
    public long timezoneOffset() {
        return timezoneOffset;
    }

    /** The {@code WaitCondition} headers and-ed, or null. */
    FilterExpr waitCondition() {
        return waitCondition;
    }
}
