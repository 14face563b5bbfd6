package org.vigil.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.web.auth.Access;
import org.vigil.web.model.Monitor;
import org.vigil.web.model.StatusReader;
import org.vigil.web.model.StatusSnapshot;

/**
 * {@code GET /api/v1/log}: the newest lines of Nagios's {@code log_file} (within its last {@value #WINDOW} bytes),
 * newest first, filtered by {@code type} ({@code SERVICE ALERT}...), {@code host}, {@code service} and {@code text}.
 * A contact-bound user sees only lines of hosts and services it may see.
 */
@Path("/api/v1/log")
@Produces(MediaType.APPLICATION_JSON)
public final class LogResource {

    static final int WINDOW = 8 << 20;
    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)] ([A-Z][A-Z ]*[A-Z]): (.*)$");

    /** One log line: its time, its type ({@code SERVICE ALERT}), the host and service it is about, and the text. */
    public record LogEntry(Instant time, String type, String host, String service, String message) {
    }

    private final Monitor monitor;
    private final StatusReader reader;

    public LogResource(Monitor monitor, StatusReader reader) {
        this.monitor = monitor;
        this.reader = reader;
    }

    @GET
    public List<LogEntry> log(@QueryParam("type") String type, @QueryParam("host") String host,
                              @QueryParam("service") String service, @QueryParam("text") String text,
                              @QueryParam("limit") String limit, @Context SecurityContext sc) {
        int max = ListQuery.limit(limit);
        java.nio.file.Path file = monitor.logFile()
                .orElseThrow(() -> new ApiException(404, "not found", "no log_file is set in nagios.cfg"));
        List<String> lines;
        try {
            lines = tail(file);
        } catch (IOException e) {
            throw new ApiException(503, "unavailable", "cannot read the log file: " + e.getMessage());
        }
        StatusSnapshot s = reader.current();
        Access a = StatusResource.access(sc);
        List<LogEntry> out = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && out.size() < max; i--) {
            LogEntry e = parse(lines.get(i));
            if (e == null || (type != null && !e.type().equalsIgnoreCase(type.strip()))
                    || (host != null && !host.equals(e.host())) || (service != null && !service.equals(e.service()))
                    || (text != null && !ListQuery.contains(text, e.message()))) {
                continue;
            }
            if (!a.user().allObjects() && (e.host() == null || !a.canSee(e.host(), e.service(), s))) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /** The complete lines within the last {@link #WINDOW} bytes of {@code file}. */
    static List<String> tail(java.nio.file.Path file) throws IOException {
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

    /** A Nagios log line; host and service are the first fields of lines about one ({@code HOST ALERT: h;...}). */
    static LogEntry parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String type = m.group(2);
        String message = m.group(3);
        String[] f = message.split(";", -1);
        String host = null;
        String service = null;
        String t = type.toUpperCase(Locale.ROOT);
        if (f.length >= 2 && (t.startsWith("HOST ") || t.startsWith("SERVICE ") || t.startsWith("CURRENT ")
                || t.startsWith("INITIAL ") || t.endsWith(" NOTIFICATION"))) {
            boolean notification = t.endsWith(" NOTIFICATION");
            int at = notification ? 1 : 0; // NOTIFICATION lines start with the contact
            boolean svc = t.contains("SERVICE");
            if (f.length > at + (svc ? 1 : 0)) {
                host = f[at];
                service = svc ? f[at + 1] : null;
            }
        }
        return new LogEntry(Instant.ofEpochSecond(Long.parseLong(m.group(1))), type, host, service, message);
    }
}
