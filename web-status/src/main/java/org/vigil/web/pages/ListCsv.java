package org.vigil.web.pages;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.vigil.model.CheckView;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;

/**
 * The CSV export of a list page ({@code format=csv}): every row its filters select (not only the page shown), in
 * its order, as RFC 4180 has it (comma-separated, CRLF line ends, a field with a comma, quote or line break quoted,
 * quotes doubled), times in ISO 8601 UTC, as an attachment named for the list and the snapshot's time. A text
 * field (a name, a plugin's output) that a spreadsheet would take for a formula, starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return, gets a single quote in front (OWASP's advice against CSV
 * injection: a check's output is written by whatever the plugin talks to).
 */
final class ListCsv {

    static final String TYPE = "text/csv; charset=UTF-8";
    private static final String CHECK_COLUMNS = "state,state_type,attempt,max_attempts,last_check,last_state_change,"
            + "duration_seconds,acknowledged,in_downtime,output";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    private ListCsv(String header) {
        out.append(header).append("\r\n");
    }

    /** The hosts, as {@code /hosts} lists them. */
    static Response hosts(List<HostView> hosts, StatusSnapshot s) {
        ListCsv csv = new ListCsv("host," + CHECK_COLUMNS);
        for (HostView h : hosts) {
            csv.text(h.name()).check(s.stamp(h.status()));
        }
        return csv.response("hosts", s);
    }

    /** The services, as {@code /services} lists them. */
    static Response services(List<ServiceView> services, StatusSnapshot s) {
        ListCsv csv = new ListCsv("host,service," + CHECK_COLUMNS);
        for (ServiceView v : services) {
            csv.text(v.host()).text(v.description()).check(s.stamp(v.status()));
        }
        return csv.response("services", s);
    }

    /**
     * The problems, as {@code /problems} lists them: the section of each ({@code unhandled}, {@code handled}), and
     * after a host's row the services folded under it, their {@code under_host} naming the host.
     */
    static Response problems(List<Problem> problems, StatusSnapshot s) {
        ListCsv csv = new ListCsv("section,host,service,under_host," + CHECK_COLUMNS);
        for (Problem p : problems) {
            csv.problem(p.row(), p.handled(), null, s);
            for (ProblemRow r : p.affected()) {
                csv.problem(r, p.handled(), p.row().host(), s);
            }
        }
        return csv.response("problems", s);
    }

    private void problem(ProblemRow r, boolean handled, String under, StatusSnapshot s) {
        field(handled ? "handled" : "unhandled").text(r.host()).text(r.service()).text(under)
                .check(s.stamp(r.status()));
    }

    private void check(CheckView c) {
        field(c.state()).field(c.stateType()).field(Integer.toString(c.attempt()))
                .field(Integer.toString(c.maxAttempts())).field(time(c.lastCheck())).field(time(c.lastStateChange()))
                .field(Long.toString(c.durationSeconds())).field(Boolean.toString(c.acknowledged()))
                .field(Boolean.toString(c.downtimeDepth() > 0));
        out.append(quote(neutral(c.output()))).append("\r\n");
    }

    /** A field Vigil writes itself (a state, a number, a time). */
    private ListCsv field(String value) {
        out.append(quote(value)).append(',');
        return this;
    }

    /** A field of text from the configuration or a plugin, which may not start a formula. */
    private ListCsv text(String value) {
        out.append(quote(neutral(value))).append(',');
        return this;
    }

    /**
     * {@code value} with a single quote in front when a spreadsheet would read it as a formula (it starts with
     * {@code = + - @}, a tab or a carriage return), as OWASP's "CSV Injection" page advises; else as it is.
     */
    static String neutral(String value) {
        if (value == null || value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0) {
            return value;
        }
        return "'" + value;
    }

    /** One field as RFC 4180 writes it ("" for null). */
    static String quote(String value) {
        if (value == null) {
            return "";
        }
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c != ',' && c != '"' && c != '\n' && c != '\r';
        }
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }

    private Response response(String list, StatusSnapshot s) {
        String name = "vigil-" + list + "-" + STAMP.format(s.takenAt() == null ? Instant.now() : s.takenAt()) + ".csv";
        return Response.ok(out.toString(), TYPE).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
