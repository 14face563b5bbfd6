package org.vigil.web.model;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Nagios's {@code log_file}: its newest lines, parsed into {@link LogEntry}s (the API and the pages share it). */
public final class EventLog {

    /** How much of the end of the log is read. */
    public static final int WINDOW = 8 << 20;

    private static final Pattern STAMP = Pattern.compile("^\\[(\\d{1,12})] (.*)$");
    private static final Pattern TYPED = Pattern.compile("^([A-Z][A-Z ]*[A-Z]): (.*)$");

    private EventLog() {
    }

    /** The complete lines within the last {@link #WINDOW} bytes of {@code file}, oldest first; none if it is absent. */
    public static List<String> tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            long from = Math.max(0, length - WINDOW);
            byte[] buf = new byte[(int) (length - from)];
            f.seek(from);
            f.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n")));
            if (from > 0 && !lines.isEmpty()) {
                lines.remove(0); // cut in the middle
            }
            return Collections.unmodifiableList(lines);
        }
    }

    /** A line with a {@code TYPE:} prefix ({@code HOST ALERT: h;...}), or null for any other line. */
    public static LogEntry parse(String line) {
        LogEntry e = parseAny(line);
        return e == null || !e.typed() ? null : e;
    }

    /**
     * Any {@code [epoch] text} line; untyped ones ({@code Vigil 0.1.0 starting...}, {@code Warning: ...}) get the
     * type "". Host and service are the first fields of lines about one; null for anything else.
     */
    public static LogEntry parseAny(String line) {
        Matcher stamp = STAMP.matcher(line);
        if (!stamp.matches()) {
            return null;
        }
        Instant time = Instant.ofEpochSecond(Long.parseLong(stamp.group(1)));
        Matcher m = TYPED.matcher(stamp.group(2));
        if (!m.matches()) {
            return new LogEntry(time, "", null, null, stamp.group(2));
        }
        String type = m.group(1);
        String message = m.group(2);
        String[] f = message.split(";", -1);
        String host = null;
        String service = null;
        String t = type.toUpperCase(Locale.ROOT);
        if (f.length >= 2 && (t.startsWith("HOST ") || t.startsWith("SERVICE ") || t.startsWith("CURRENT ")
                || t.startsWith("INITIAL ") || t.startsWith("PASSIVE ") || t.endsWith(" NOTIFICATION"))) {
            boolean notification = t.endsWith(" NOTIFICATION");
            int at = notification ? 1 : 0; // NOTIFICATION lines start with the contact
            boolean svc = t.contains("SERVICE");
            if (f.length > at + (svc ? 1 : 0)) {
                host = f[at];
                service = svc ? f[at + 1] : null;
            }
        }
        return new LogEntry(time, type, host, service, message);
    }
}
