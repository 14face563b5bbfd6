package org.vigil.livestatus.query;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a request's lines into a {@link Request}: the first line ({@code GET table} or {@code COMMAND ...}), then
 * one header per line, each checked as Livestatus checks it. The first bad line ends the parse with a
 * {@link LivestatusError} naming the header and what it expects.
 */
final class RequestParser {

    static final Set<String> WAIT_TRIGGERS =
            Set.of("check", "state", "log", "downtime", "comment", "command", "program", "all");

    private final Clock clock;
    String table;
    String command;
    final List<String> columns = new ArrayList<>();
    final FilterStack filters = new FilterStack("");
    final List<StatsSpec> stats = new ArrayList<>();
    final List<SortSpec> sorts = new ArrayList<>();
    int limit = -1;
    int offset;
    OutputFormat format = OutputFormat.CSV;
    Boolean columnHeaders;
    Separators separators = Separators.DEFAULT;
    long timezoneOffset;
    String authUser;
    boolean keepAlive;
    boolean fixed16;
    String waitObject;
    final FilterStack waitConditions = new FilterStack("WaitCondition");
    String waitTrigger;
    Duration waitTimeout = Duration.ZERO;
    boolean hasWait;

    RequestParser(Clock clock) {
        this.clock = clock;
    }

    Request parse(String text) throws LivestatusError {
        String[] lines = text.split("\n", -1);
        String first = stripEnd(lines[0]);
        if (first.equals("COMMAND") || first.startsWith("COMMAND ")) {
            command = first.substring("COMMAND".length()).strip();
            if (command.isEmpty()) {
                throw new LivestatusError(LivestatusError.INVALID_REQUEST, "COMMAND: missing the command");
            }
            keepAlive = true;
            return new Request(this);
        }
        if (first.equals("GET")) {
            throw new LivestatusError(LivestatusError.INVALID_REQUEST, "Invalid GET request, missing tablename");
        }
        if (!first.startsWith("GET ")) {
            throw new LivestatusError(LivestatusError.INVALID_REQUEST, "Invalid request method: expected "
                    + "'GET <table>' or 'COMMAND [<epoch>] <command>', got '" + abbreviate(first) + "'");
        }
        table = first.substring(4).strip();
        for (int i = 1; i < lines.length; i++) {
            String line = stripEnd(lines[i]);
            if (line.isEmpty()) {
                break;
            }
            header(line);
        }
        return new Request(this);
    }

    private void header(String line) throws LivestatusError {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw LivestatusError.badRequest("Undefined request header '" + abbreviate(line)
                    + "': expected 'Name: value'");
        }
        String name = line.substring(0, colon);
        String value = line.substring(colon + 1).stripLeading();
        HeaderLine h = new HeaderLine(name, value);
        switch (name) {
            case "Columns":
            case "StatsGroupBy": columns(h); break;
            case "Filter": filters.push(condition(h)); break;
            case "And": filters.combine(count(h), true, name); break;
            case "Or": filters.combine(count(h), false, name); break;
            case "Negate": noArgument(h); filters.negate(name); break;
            case "Stats": stats.add(StatsParsing.stats(h, this)); break;
            case "StatsAnd": StatsParsing.combine(stats, count(h), true, name); break;
            case "StatsOr": StatsParsing.combine(stats, count(h), false, name); break;
            case "StatsNegate": noArgument(h); StatsParsing.negate(stats, name); break;
            case "Limit": limit = count(h); break;
            case "Offset": offset = count(h); break;
            case "Sort": sort(h); break;
            case "OutputFormat": outputFormat(h); break;
            case "ColumnHeaders": columnHeaders = onOff(h); break;
            case "ResponseHeader": responseHeader(h); break;
            case "Separators": separators(h); break;
            case "Localtime": localtime(h); break;
            case "AuthUser": authUser = required(h); break;
            case "KeepAlive": keepAlive = onOff(h); break;
            default: waitHeader(h); break;
        }
    }

    private void waitHeader(HeaderLine h) throws LivestatusError {
        switch (h.name()) {
            case "WaitObject": waitObject = required(h); break;
            case "WaitCondition": waitConditions.push(condition(h)); break;
            case "WaitConditionAnd": waitConditions.combine(count(h), true, h.name()); break;
            case "WaitConditionOr": waitConditions.combine(count(h), false, h.name()); break;
            case "WaitConditionNegate": noArgument(h); waitConditions.negate(h.name()); break;
            case "WaitTrigger": waitTrigger(h); break;
            case "WaitTimeout": waitTimeout = Duration.ofMillis(count(h)); break;
            default:
                throw LivestatusError.badRequest("Undefined request header '" + abbreviate(h.name() + ": "
                        + h.value()) + "'");
        }
        hasWait = true;
    }

    private void columns(HeaderLine h) throws LivestatusError {
        List<String> names = h.words();
        if (names.isEmpty()) {
            throw h.error("missing column names");
        }
        columns.addAll(names);
    }

    /** {@code column operator value}: the value is the rest of the line, possibly empty or with spaces. */
    FilterExpr.Condition condition(HeaderLine h) throws LivestatusError {
        String rest = h.value();
        int space = indexOfSpace(rest);
        if (rest.isEmpty()) {
            throw h.error("empty filter line: expected 'column operator value'");
        }
        if (space < 0) {
            throw h.error("missing operator after column '" + rest + "'");
        }
        String column = rest.substring(0, space);
        rest = rest.substring(space).stripLeading();
        int end = indexOfSpace(rest);
        String op = end < 0 ? rest : rest.substring(0, end);
        String value = end < 0 ? "" : rest.substring(end).stripLeading();
        if (op.isEmpty()) {
            throw h.error("missing operator after column '" + column + "'");
        }
        Operator operator = Operator.of(op);
        if (operator == null) {
            throw h.error("invalid operator '" + op + "': expected one of = != ~ !~ =~ !=~ ~~ !~~ < > <= >=");
        }
        return new FilterExpr.Condition(h.name(), column, operator, value);
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    /** A non-negative integer argument. */
    static int count(HeaderLine h) throws LivestatusError {
        String v = h.value().strip();
        if (v.isEmpty()) {
            throw h.error("missing value: expected a non-negative integer");
        }
        if (!v.chars().allMatch(c -> c >= '0' && c <= '9') || v.length() > 9) {
            throw h.error("invalid value '" + abbreviate(v) + "': expected a non-negative integer");
        }
        return Integer.parseInt(v);
    }

    private static void noArgument(HeaderLine h) throws LivestatusError {
        if (!h.value().isBlank()) {
            throw h.error("does not take any arguments");
        }
    }

    private static String required(HeaderLine h) throws LivestatusError {
        String v = h.value().strip();
        if (v.isEmpty()) {
            throw h.error("missing value");
        }
        return v;
    }

    private static boolean onOff(HeaderLine h) throws LivestatusError {
        String v = h.value().strip();
        if (v.equals("on") || v.equals("off")) {
            return v.equals("on");
        }
        throw h.error((v.isEmpty() ? "missing value" : "invalid value '" + abbreviate(v) + "'")
                + ": must be 'on' or 'off'");
    }

    private void sort(HeaderLine h) throws LivestatusError {
        List<String> words = h.words();
        if (words.isEmpty() || words.size() > 2) {
            throw h.error("expected 'column asc' or 'column desc'");
        }
        String direction = words.size() == 2 ? words.get(1) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw h.error("invalid sort direction '" + abbreviate(direction) + "': must be 'asc' or 'desc'");
        }
        sorts.add(new SortSpec(words.get(0), direction.equals("desc")));
    }

    private void outputFormat(HeaderLine h) throws LivestatusError {
        OutputFormat f = OutputFormat.of(h.value().strip());
        if (f == null) {
            throw h.error((h.value().isBlank() ? "missing output format" : "invalid output format '"
                    + abbreviate(h.value().strip()) + "'") + ": expected csv, json, python, python3 or wrapped_json");
        }
        format = f;
    }

    private void responseHeader(HeaderLine h) throws LivestatusError {
        String v = h.value().strip();
        if (!v.equals("off") && !v.equals("fixed16")) {
            throw h.error((v.isEmpty() ? "missing value" : "invalid value '" + abbreviate(v) + "'")
                    + ": must be 'off' or 'fixed16'");
        }
        fixed16 = v.equals("fixed16");
    }

    private void separators(HeaderLine h) throws LivestatusError {
        List<String> words = h.words();
        if (words.size() != 4) {
            throw h.error("expected four decimal byte codes (rows, fields, lists, sub-lists), got "
                    + words.size());
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String w = words.get(i);
            if (!w.chars().allMatch(c -> c >= '0' && c <= '9') || w.length() > 3 || Integer.parseInt(w) > 255) {
                throw h.error("invalid byte code '" + abbreviate(w) + "': expected a decimal number 0-255");
            }
            b[i] = (byte) Integer.parseInt(w);
        }
        separators = new Separators(b[0], b[1], b[2], b[3]);
    }

    /**
     * The client's clock minus ours, rounded to the nearest half hour as Livestatus does (both clocks are assumed
     * right, so a difference is a time zone); more than a day either way is refused.
     */
    private void localtime(HeaderLine h) throws LivestatusError {
        String v = h.value().strip();
        if (!v.matches("-?[0-9]{1,18}")) {
            throw h.error((v.isEmpty() ? "missing value" : "invalid value '" + abbreviate(v) + "'")
                    + ": expected the client's time in epoch seconds");
        }
        long difference = Long.parseLong(v) - clock.instant().getEpochSecond();
        long halfHours = difference / 1800;
        long remainder = difference % 1800;
        if (remainder <= -900) {
            halfHours--;
        } else if (remainder >= 900) {
            halfHours++;
        }
        if (halfHours >= 48 || halfHours <= -48) {
            throw h.error("timezone difference greater than 24 hours");
        }
        timezoneOffset = halfHours * 1800;
    }

    private void waitTrigger(HeaderLine h) throws LivestatusError {
        String v = h.value().strip();
        if (!WAIT_TRIGGERS.contains(v)) {
            throw h.error((v.isEmpty() ? "missing keyword" : "invalid trigger '" + abbreviate(v) + "'")
                    + ": expected check, state, log, downtime, comment, command, program or all");
        }
        waitTrigger = v;
    }

    /** Whether a header line of {@code text} (before the first empty line) reads {@code name: value}. */
    static boolean hasHeader(String text, String name, String value) {
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length && !lines[i].isBlank(); i++) {
            String line = lines[i].strip();
            if (line.startsWith(name + ":") && line.substring(name.length() + 1).strip().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String stripEnd(String line) {
        return line.stripTrailing();
    }

    /** A client's text in a message, cut short so a huge bad line makes a short answer. */
    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
