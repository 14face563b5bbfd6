package org.vigil.engine.command;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.config.model.ObjectModel;

/**
 * Reads one line of the command file as Nagios 4.4.6's {@code process_external_command1} does: text up to a
 * {@code [}, the entry time up to {@code ]}, one space, the name up to {@code ;}, the arguments after it. Names
 * are compared in any case. Then checks the arguments against the config as the command handlers do.
 *
 * <p>Where Nagios reads a number that is not one as 0, Vigil refuses the command instead (a return code
 * {@code x} would otherwise be an OK); an entry time that is not a number is taken as the time the line was
 * read. Arguments beyond those a command takes are ignored, as in Nagios.
 */
public final class CommandParser {

    /** 9999-12-31T23:59:59Z: later times are typing errors. */
    private static final long MAX_TIME = 253_402_300_799L;

    private final ObjectNames names;

    public CommandParser(ObjectModel model) {
        this.names = new ObjectNames(model);
    }

    /** Parses {@code raw}, read at {@code now}; safe on any thread (the config is immutable). */
    public ParseResult parse(String raw, Instant now) {
        String line = printable(raw.strip());
        int open = line.indexOf('[');
        if (open < 0) {
            return CommandError.malformed(line, "a command line starts with '[timestamp] '");
        }
        int close = line.indexOf(']', open + 1);
        if (close < 0) {
            return CommandError.malformed(line, "no ']' after the timestamp");
        }
        String rest = line.substring(close + 1);
        if (rest.isEmpty()) {
            return CommandError.malformed(line, "no command name after the timestamp");
        }
        // Nagios skips one character after ']' without looking at it: the space (a ';' there too: "[];" was a crash)
        String afterSpace = rest.substring(1);
        int semi = afterSpace.indexOf(';');
        String name = semi < 0 ? afterSpace : afterSpace.substring(0, semi);
        String args = semi < 0 ? "" : afterSpace.substring(semi + 1);
        Optional<CommandType> type = CommandType.named(name);
        if (type.isEmpty()) {
            return CommandError.unknown(line, name + ";" + args, unknownReason(name, rest));
        }
        Instant submitted = entryTime(line.substring(open + 1, close)).orElse(now);
        ExternalCommand command = new ExternalCommand(type.get(), name, split(type.get(), args), submitted);
        return check(line, command);
    }

    /** Checks a command built inside Vigil as one read from the file is checked. */
    public ParseResult check(ExternalCommand command) {
        return check(command.line(), command);
    }

    private ParseResult check(String line, ExternalCommand c) {
        long size = CommandLimits.bytes(line);
        if (size > CommandLimits.MAX_LINE_BYTES) {
            return CommandError.tooLong(line, c, CommandLimits.tooLong("the command line", size,
                    CommandLimits.MAX_LINE_BYTES));
        }
        List<ArgKind> kinds = c.type().args();
        if (c.args().size() < kinds.size()) {
            return CommandError.failed(line, c, c.type().name() + " takes " + kinds.size() + " arguments ("
                    + c.type().signature() + "), got " + c.args().size());
        }
        String host = null;
        for (int i = 0; i < kinds.size(); i++) {
            String value = c.args().get(i);
            ArgKind kind = kinds.get(i);
            String problem = switch (kind) {
                case HOST, HOST_OR_ADDRESS -> {
                    Optional<String> found = names.host(value, kind == ArgKind.HOST_OR_ADDRESS);
                    host = found.orElse(null);
                    yield found.isPresent() ? null : "no host '" + value + "'" + names.hostHint(value);
                }
                case SERVICE -> names.service(host, value) ? null
                        : "no service '" + value + "' on host '" + host + "'" + names.serviceHint(host, value);
                case SERVICE_CODE -> integer(value).isPresent() ? null
                        : "return code '" + value + "' is not a number (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)";
                case HOST_CODE -> integer(value).filter(v -> v >= 0 && v <= 2).isPresent() ? null
                        : "host state '" + value + "' is not 0 (UP), 1 (DOWN) or 2 (UNREACHABLE)";
                case TIME -> integer(value).filter(v -> v >= 0 && v <= MAX_TIME).isPresent() ? null
                        : "time '" + value + "' is not a number of seconds since 1970";
                case OUTPUT -> null; // bounded by the line
                case AUTHOR -> CommandLimits.bytes(value) <= CommandLimits.MAX_AUTHOR_BYTES ? null
                        : CommandLimits.tooLong("the author", CommandLimits.bytes(value), CommandLimits.MAX_AUTHOR_BYTES);
                case COMMENT -> CommandLimits.bytes(value) <= CommandLimits.MAX_COMMENT_BYTES ? null
                        : CommandLimits.tooLong("the comment", CommandLimits.bytes(value),
                        CommandLimits.MAX_COMMENT_BYTES);
                case HOSTGROUP -> names.hostGroup(value) ? null
                        : "no hostgroup '" + value + "'" + names.hostGroupHint(value);
                case SERVICEGROUP -> names.serviceGroup(value) ? null
                        : "no servicegroup '" + value + "'" + names.serviceGroupHint(value);
                case START_TIME, END_TIME -> integer(value).filter(v -> v >= 0 && v <= MAX_TIME).isPresent() ? null
                        : kind.label().replace('_', ' ') + " '" + value + "' is not a number of seconds since 1970";
                case ACK_END_TIME -> integer(value).filter(v -> v > c.submitted().getEpochSecond() && v <= MAX_TIME)
                        .isPresent() ? null : "end_time '" + value + "' is not a time after the command's own ("
                        + c.submitted().getEpochSecond() + ", seconds since 1970): the acknowledgement would end "
                        + "before it starts";
                case FIXED -> value.strip().equals("0") || value.strip().equals("1") ? null
                        : "fixed '" + value + "' is not 1 (fixed) or 0 (flexible)";
                case TRIGGER_ID, DOWNTIME_ID -> integer(value).filter(v -> v >= 0).isPresent() ? null
                        : kind.label() + " '" + value + "' is not a downtime id"
                        + (kind == ArgKind.TRIGGER_ID ? " (0 for none)" : "");
                case DURATION -> integer(value).filter(v -> v >= 0).isPresent() ? null
                        : "duration '" + value + "' is not a number of seconds";
                case STICKY, NOTIFY, PERSISTENT -> integer(value).isPresent() ? null
                        : kind.label() + " '" + value + "' is not a number (" + flagMeaning(kind) + ")";
                case COMMENT_ID -> integer(value).filter(v -> v > 0).isPresent() ? null
                        : "comment id '" + value + "' is not a number from 1";
                case OPTIONS -> integer(value).filter(v -> v >= 0).isPresent() ? null
                        : "options '" + value + "' is not a number (1 broadcast, 2 forced, 4 increment)";
            };
            if (problem != null) {
                CommandError error = kind == ArgKind.AUTHOR || kind == ArgKind.COMMENT
                        ? CommandError.tooLong(line, c, problem) : CommandError.failed(line, c, problem);
                return kind == ArgKind.HOST_OR_ADDRESS || (kind == ArgKind.SERVICE
                        && c.type() == CommandType.PROCESS_SERVICE_CHECK_RESULT)
                        ? error.withWarning(passiveWarning(c, kind)) : error;
            }
        }
        return c;
    }

    /** The warning Nagios's {@code process_passive_*_check} logs for a result it cannot place. */
    private static String passiveWarning(ExternalCommand c, ArgKind missing) {
        List<String> a = c.args();
        if (c.type() == CommandType.PROCESS_HOST_CHECK_RESULT) {
            return "Warning:  Passive check result was received for host '" + a.get(0)
                    + "', but the host could not be found!";
        }
        return "Warning:  Passive check result was received for service '" + a.get(1) + "' on host '" + a.get(0)
                + "', but the " + (missing == ArgKind.SERVICE ? "service" : "host") + " could not be found!";
    }

    private static String unknownReason(String name, String rest) {
        if (!rest.startsWith(" ")) {
            return "expected one space between ']' and the command name";
        }
        if (name.isEmpty()) {
            return "no command name";
        }
        if (NagiosCommands.NAMES.contains(name.toUpperCase(Locale.ROOT))) {
            return "'" + name + "' is a Nagios command that Vigil does not carry out yet";
        }
        String hint = ObjectNames.hint(name, NagiosCommands.NAMES.stream());
        return "Vigil does not know the command '" + name + "'" + hint;
    }

    private static List<String> split(CommandType type, String args) {
        if (args.isEmpty()) {
            return List.of();
        }
        int limit = type.takesRest() ? type.args().size() : -1;
        return Arrays.asList(args.split(";", limit));
    }

    /** The entry time as C's {@code strtoul} reads it: leading digits; empty when there are none. */
    private static Optional<Instant> entryTime(String text) {
        String t = text.strip();
        int end = 0;
        while (end < t.length() && end < 18 && t.charAt(end) >= '0' && t.charAt(end) <= '9') {
            end++;
        }
        if (end == 0) {
            return Optional.empty();
        }
        long seconds = Long.parseLong(t.substring(0, end));
        return seconds > MAX_TIME ? Optional.empty() : Optional.of(Instant.ofEpochSecond(seconds));
    }

    static Optional<Long> integer(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What the values of a flag argument mean, for its error message. */
    private static String flagMeaning(ArgKind kind) {
        return kind == ArgKind.STICKY ? "2 sticky, 1 normal" : "1 yes, 0 no";
    }

    /** Control characters shown as {@code ?}, so that junk cannot break the log's one-line-per-event shape. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
