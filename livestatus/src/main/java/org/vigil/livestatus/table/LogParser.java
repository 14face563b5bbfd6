package org.vigil.livestatus.table;

/**
 * Splits Nagios log lines into the {@code log} table's fields, as Naemon's livestatus does for each message kind
 * (host and service alerts and states, downtime, flapping and acknowledgement alerts, notifications, passive
 * checks, external commands, program starts and stops). A line that does not start {@code [epoch] } is not an
 * entry (null), as Livestatus skips it. An output or comment is the rest of the line, {@code ;} included.
 */
final class LogParser {

    private LogParser() {
    }

    /** The entry of {@code line} (number {@code lineno} in its file), or null. */
    static LogLine parse(String line, long lineno) {
        if (line.length() < 13 || line.charAt(0) != '[' || line.charAt(11) != ']') {
            return null;
        }
        long time = 0;
        for (int i = 1; i < 11; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            time = time * 10 + (c - '0');
        }
        Fields b = new Fields(line);
        int colon = line.indexOf(':', 13);
        if (colon >= 0) {
            int options = colon + 1;
            while (options < line.length() && line.charAt(options) == ' ') {
                options++;
            }
            b.set(LogLine.OPTIONS, options, line.length());
            b.split(options);
            b.set(LogLine.TYPE, 13, colon);
            if (classify(b, line.substring(13, colon))) {
                return b.build(time, lineno);
            }
        }
        // as Livestatus: any other message keeps its whole text as its type
        b.set(LogLine.TYPE, 13, line.length());
        String text = line.substring(13);
        if (text.startsWith("LOG VERSION: ") || text.startsWith("logging initial states")
                || text.contains("starting...") || text.contains("shutting down...") || text.contains("Bailing out")
                || text.contains("restarting...") || text.contains("standby mode...")) {
            b.logClass = LogLine.PROGRAM;
        }
        return b.build(time, lineno);
    }

    private static boolean classify(Fields b, String type) {
        switch (type) {
            case "HOST ALERT", "CURRENT HOST STATE", "INITIAL HOST STATE" -> {
                b.logClass = type.equals("HOST ALERT") ? LogLine.ALERT : LogLine.STATE;
                b.field(LogLine.HOST, 0).field(LogLine.STATE_TYPE, 2).rest(LogLine.OUTPUT, 4);
                b.state = hostState(b.text(1));
                b.attempt = toInt(b.text(3));
            }
            case "SERVICE ALERT", "CURRENT SERVICE STATE", "INITIAL SERVICE STATE" -> {
                b.logClass = type.equals("SERVICE ALERT") ? LogLine.ALERT : LogLine.STATE;
                b.field(LogLine.HOST, 0).field(LogLine.SERVICE, 1).field(LogLine.STATE_TYPE, 3)
                        .rest(LogLine.OUTPUT, 5);
                b.state = serviceState(b.text(2));
                b.attempt = toInt(b.text(4));
            }
            case "HOST DOWNTIME ALERT", "HOST FLAPPING ALERT" -> {
                b.logClass = LogLine.ALERT;
                b.field(LogLine.HOST, 0).field(LogLine.STATE_TYPE, 1).rest(LogLine.COMMENT, 2);
            }
            case "SERVICE DOWNTIME ALERT", "SERVICE FLAPPING ALERT" -> {
                b.logClass = LogLine.ALERT;
                b.field(LogLine.HOST, 0).field(LogLine.SERVICE, 1).field(LogLine.STATE_TYPE, 2)
                        .rest(LogLine.COMMENT, 3);
            }
            case "HOST ACKNOWLEDGE ALERT" -> {
                b.logClass = LogLine.ALERT;
                b.field(LogLine.HOST, 0).field(LogLine.STATE_TYPE, 1).field(LogLine.CONTACT, 2)
                        .rest(LogLine.COMMENT, 3);
            }
            case "SERVICE ACKNOWLEDGE ALERT" -> {
                b.logClass = LogLine.ALERT;
                b.field(LogLine.HOST, 0).field(LogLine.SERVICE, 1).field(LogLine.STATE_TYPE, 2)
                        .field(LogLine.CONTACT, 3).rest(LogLine.COMMENT, 4);
            }
            case "HOST NOTIFICATION", "SERVICE NOTIFICATION" -> notification(b, type.startsWith("S"));
            case "PASSIVE HOST CHECK" -> {
                b.logClass = LogLine.PASSIVE;
                b.field(LogLine.HOST, 0).rest(LogLine.OUTPUT, 2);
                b.state = toInt(b.text(1));
            }
            case "PASSIVE SERVICE CHECK" -> {
                b.logClass = LogLine.PASSIVE;
                b.field(LogLine.HOST, 0).field(LogLine.SERVICE, 1).rest(LogLine.OUTPUT, 3);
                b.state = toInt(b.text(2));
            }
            case "EXTERNAL COMMAND" -> command(b);
            case "HOST NOTIFICATION SUPPRESSED", "HOST INFO", "HOST NOTE" ->
                    b.field(LogLine.HOST, 0).rest(LogLine.COMMENT, 1);
            case "SERVICE NOTIFICATION SUPPRESSED", "SERVICE INFO", "SERVICE NOTE" ->
                    b.field(LogLine.HOST, 0).field(LogLine.SERVICE, 1).rest(LogLine.COMMENT, 2);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Notifications: contact;host[;service];state;command;output, with state and command swapped in some kinds. */
    private static void notification(Fields b, boolean service) {
        b.logClass = LogLine.NOTIFICATION;
        b.field(LogLine.CONTACT, 0).field(LogLine.HOST, 1);
        int at = 2;
        if (service) {
            b.field(LogLine.SERVICE, at++);
        }
        int code = service ? serviceState(b.text(at)) : hostState(b.text(at));
        int stateField = at;
        int commandField = at + 1;
        if (code == (service ? 4 : 3)) {
            stateField = at + 1;
            commandField = at;
            code = service ? serviceState(b.text(stateField)) : hostState(b.text(stateField));
        }
        b.field(LogLine.STATE_TYPE, stateField).field(LogLine.COMMAND_NAME, commandField).rest(LogLine.OUTPUT, at + 2);
        b.state = code;
    }

    private static void command(Fields b) {
        b.logClass = LogLine.COMMAND;
        String name = b.text(0);
        if (name.contains("_HOST") && !name.contains("_HOSTGROUP")) {
            b.field(LogLine.HOST, 1);
        } else if (name.contains("_SVC")) {
            b.field(LogLine.HOST, 1).field(LogLine.SERVICE, 2);
        }
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

    private static int toInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The places of one line's {@code ;}-separated options and of the fields taken from them. */
    private static final class Fields {
        final String line;
        final int[] at = new int[2 * LogLine.FIELDS];
        /** Start of each option, and one past the end of the line at the end. */
        int[] starts = new int[0];
        int logClass = LogLine.INFO;
        int state;
        int attempt;

        Fields(String line) {
            this.line = line;
        }

        void split(int from) {
            int n = 1;
            for (int i = from; i < line.length(); i++) {
                if (line.charAt(i) == ';') {
                    n++;
                }
            }
            starts = new int[n + 1];
            starts[0] = from;
            int k = 1;
            for (int i = from; i < line.length(); i++) {
                if (line.charAt(i) == ';') {
                    starts[k++] = i + 1;
                }
            }
            starts[n] = line.length() + 1;
        }

        void set(int field, int start, int end) {
            at[2 * field] = start;
            at[2 * field + 1] = end;
        }

        int options() {
            return starts.length - 1;
        }

        /** Option {@code i} as text ("" past the last). */
        String text(int i) {
            return i < options() ? line.substring(starts[i], starts[i + 1] - 1) : "";
        }

        Fields field(int field, int option) {
            if (option < options()) {
                set(field, starts[option], starts[option + 1] - 1);
            }
            return this;
        }

        /** Option {@code option} and all after it, separators included. */
        Fields rest(int field, int option) {
            if (option < options()) {
                set(field, starts[option], line.length());
            }
            return this;
        }

        LogLine build(long time, long lineno) {
            return new LogLine(time, lineno, logClass, state, attempt, line, at);
        }
    }
}
