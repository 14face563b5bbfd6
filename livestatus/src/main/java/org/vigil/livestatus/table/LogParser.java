package org.vigil.livestatus.table;

import java.util.Arrays;

/**
 * Splits Nagios log lines into the {@code log} table's fields, as Naemon's livestatus does for each message kind
 * (host and service alerts and states, downtime, flapping and acknowledgement alerts, notifications, passive
 * checks, external commands, program starts and stops). A line that does not start {@code [epoch] } is not an
 * entry (null), as Livestatus skips it.
 */
final class LogParser {

    private LogParser() {
    }

    /** The entry of {@code line} (number {@code lineno} in its file), or null. */
    static LogLine parse(String line, long lineno) {
        if (line.length() < 13 || line.charAt(0) != '[' || line.charAt(11) != ']') {
            return null;
        }
        long time;
        try {
            time = Long.parseLong(line.substring(1, 11));
        } catch (NumberFormatException e) {
            return null;
        }
        String text = line.substring(Math.min(line.length(), 13));
        int colon = text.indexOf(':');
        String type = colon < 0 ? text : text.substring(0, colon);
        String options = colon < 0 ? "" : text.substring(colon + 1).stripLeading();
        Builder b = new Builder(time, lineno, line, type, options);
        if (colon >= 0 && classify(b, type, options.split(";", -1))) {
            return b.build();
        }
        // as Livestatus: any other message keeps its whole text as its type
        b.type = text;
        if (text.startsWith("LOG VERSION: ") || text.startsWith("logging initial states")
                || text.contains("starting...") || text.contains("shutting down...") || text.contains("Bailing out")
                || text.contains("restarting...") || text.contains("standby mode...")) {
            b.logClass = LogLine.PROGRAM;
        }
        return b.build();
    }

    private static boolean classify(Builder b, String type, String[] f) {
        switch (type) {
            case "HOST ALERT", "CURRENT HOST STATE", "INITIAL HOST STATE" -> {
                b.logClass = type.equals("HOST ALERT") ? LogLine.ALERT : LogLine.STATE;
                b.host(f, 0).hostState(f, 1).stateType(f, 2).attempt(f, 3).output(f, 4);
            }
            case "SERVICE ALERT", "CURRENT SERVICE STATE", "INITIAL SERVICE STATE" -> {
                b.logClass = type.equals("SERVICE ALERT") ? LogLine.ALERT : LogLine.STATE;
                b.host(f, 0).service(f, 1).serviceState(f, 2).stateType(f, 3).attempt(f, 4).output(f, 5);
            }
            case "HOST DOWNTIME ALERT", "HOST FLAPPING ALERT" -> {
                b.logClass = LogLine.ALERT;
                b.host(f, 0).stateType(f, 1).comment(f, 2);
            }
            case "SERVICE DOWNTIME ALERT", "SERVICE FLAPPING ALERT" -> {
                b.logClass = LogLine.ALERT;
                b.host(f, 0).service(f, 1).stateType(f, 2).comment(f, 3);
            }
            case "HOST ACKNOWLEDGE ALERT" -> {
                b.logClass = LogLine.ALERT;
                b.host(f, 0).stateType(f, 1).contact(f, 2).comment(f, 3);
            }
            case "SERVICE ACKNOWLEDGE ALERT" -> {
                b.logClass = LogLine.ALERT;
                b.host(f, 0).service(f, 1).stateType(f, 2).contact(f, 3).comment(f, 4);
            }
            case "HOST NOTIFICATION", "SERVICE NOTIFICATION" -> notification(b, type.startsWith("S"), f);
            case "PASSIVE HOST CHECK" -> {
                b.logClass = LogLine.PASSIVE;
                b.host(f, 0).number(f, 1).output(f, 2);
            }
            case "PASSIVE SERVICE CHECK" -> {
                b.logClass = LogLine.PASSIVE;
                b.host(f, 0).service(f, 1).number(f, 2).output(f, 3);
            }
            case "EXTERNAL COMMAND" -> command(b, f);
            case "HOST NOTIFICATION SUPPRESSED", "HOST INFO", "HOST NOTE" -> b.host(f, 0).comment(f, 1);
            case "SERVICE NOTIFICATION SUPPRESSED", "SERVICE INFO", "SERVICE NOTE" ->
                    b.host(f, 0).service(f, 1).comment(f, 2);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Notifications: contact;host[;service];state;command;output, with state and command swapped in some kinds. */
    private static void notification(Builder b, boolean service, String[] f) {
        b.logClass = LogLine.NOTIFICATION;
        b.contact(f, 0).host(f, 1);
        int at = 2;
        if (service) {
            b.service(f, at++);
        }
        String state = field(f, at);
        String command = field(f, at + 1);
        int code = service ? serviceState(state) : hostState(state);
        if (code == (service ? 4 : 3)) {
            String swap = state;
            state = command;
            command = swap;
            code = service ? serviceState(state) : hostState(state);
        }
        b.stateType = state;
        b.state = code;
        b.commandName = command;
        b.output(f, at + 2);
    }

    private static void command(Builder b, String[] f) {
        b.logClass = LogLine.COMMAND;
        String name = field(f, 0);
        if (name.contains("_HOST") && !name.contains("_HOSTGROUP")) {
            b.host(f, 1);
        } else if (name.contains("_SVC")) {
            b.host(f, 1).service(f, 2);
        }
    }

    static String field(String[] f, int at) {
        return at < f.length ? f[at] : "";
    }

    /** A service state word's code by its last letter, as Livestatus reads it (RECOVERY is OK; 4 unknown word). */
    static int serviceState(String s) {
        String t = s.endsWith(")") ? s.substring(0, s.length() - 1) : s;
        if (t.isEmpty()) {
            return 3;
        }
        return switch (t.charAt(t.length() - 1)) {
            case 'K', 'Y' -> 0;
            case 'G' -> 1;
            case 'L' -> 2;
            case 'N' -> 3;
            default -> 4;
        };
    }

    /** A host state word's code by its last letter (RECOVERY is UP; 3 for an unknown word). */
    static int hostState(String s) {
        String t = s.endsWith(")") ? s.substring(0, s.length() - 1) : s;
        if (t.isEmpty()) {
            return 3;
        }
        return switch (t.charAt(t.length() - 1)) {
            case 'P', 'Y' -> 0;
            case 'N' -> 1;
            case 'E' -> 2;
            default -> 3;
        };
    }

    /** Collects one entry's fields. */
    private static final class Builder {
        final long time;
        final long lineno;
        final String message;
        String type;
        String options;
        int logClass = LogLine.INFO;
        String host = "";
        String service = "";
        int state;
        String stateType = "";
        int attempt;
        String output = "";
        String comment = "";
        String contact = "";
        String commandName = "";

        Builder(long time, long lineno, String message, String type, String options) {
            this.time = time;
            this.lineno = lineno;
            this.message = message;
            this.type = type;
            this.options = options;
        }

        Builder host(String[] f, int at) {
            host = field(f, at);
            return this;
        }

        Builder service(String[] f, int at) {
            service = field(f, at);
            return this;
        }

        Builder hostState(String[] f, int at) {
            state = LogParser.hostState(field(f, at));
            return this;
        }

        Builder serviceState(String[] f, int at) {
            state = LogParser.serviceState(field(f, at));
            return this;
        }

        Builder number(String[] f, int at) {
            state = toInt(field(f, at));
            return this;
        }

        Builder stateType(String[] f, int at) {
            stateType = field(f, at);
            return this;
        }

        Builder attempt(String[] f, int at) {
            attempt = toInt(field(f, at));
            return this;
        }

        Builder output(String[] f, int at) {
            // the output may itself hold ';': the rest of the line is the output
            output = at < f.length ? String.join(";", Arrays.copyOfRange(f, at, f.length)) : "";
            return this;
        }

        Builder comment(String[] f, int at) {
            comment = at < f.length ? String.join(";", Arrays.copyOfRange(f, at, f.length)) : "";
            return this;
        }

        Builder contact(String[] f, int at) {
            contact = field(f, at);
            return this;
        }

        LogLine build() {
            return new LogLine(time, lineno, logClass, message, type, options, host, service, state, stateType,
                    attempt, output, comment, contact, commandName);
        }

        private static int toInt(String s) {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
