package org.vigil.web.pages;

import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.ZoneId;
import org.vigil.web.history.Assumptions;
import org.vigil.web.history.ReportPeriod;

/**
 * The availability page's request, checked: what the report is about ({@code host}, {@code host} and
 * {@code service}, {@code hostgroup} or {@code servicegroup}, by avail.cgi's parameter names), its period
 * ({@code timeperiod}, {@code t1}, {@code t2}) and avail.cgi's assumptions ({@code yes}/{@code no}, avail.cgi's
 * defaults when absent). A bad value is a 400 saying what is expected.
 */
public record AvailabilityQuery(String host, String service, String hostgroup, String servicegroup,
                                String timeperiod, String t1, String t2, ReportPeriod period, Assumptions assume) {

    static AvailabilityQuery of(String host, String service, String hostgroup, String servicegroup,
                                String timeperiod, String t1, String t2, String initial, String retention,
                                String notRunning, String soft, Instant now, ZoneId zone) {
        ReportPeriod p;
        try {
            p = ReportPeriod.of(timeperiod, t1, t2, now, zone);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        Assumptions d = Assumptions.DEFAULTS;
        Assumptions a = new Assumptions(yes("assumeinitialstates", initial, d.initialStates()),
                yes("assumestateretention", retention, d.stateRetention()),
                yes("assumestatesduringnotrunning", notRunning, d.statesDuringNotRunning()),
                yes("includesoftstates", soft, d.includeSoftStates()));
        return new AvailabilityQuery(blank(host), blank(service), blank(hostgroup), blank(servicegroup),
                p.name(), blank(t1), blank(t2), p, a);
    }

    /** What the report is about: "service", "host", "hostgroup", "servicegroup", or "" when nothing is chosen. */
    public String kind() {
        if (host != null && service != null) {
            return "service";
        }
        if (host != null) {
            return "host";
        }
        if (hostgroup != null) {
            return "hostgroup";
        }
        return servicegroup != null ? "servicegroup" : "";
    }

    /** This report's query string with {@code extra} ({@code &csvoutput}) appended. */
    public String query(String extra) {
        StringBuilder sb = new StringBuilder();
        add(sb, "host", host);
        add(sb, "service", service);
        add(sb, "hostgroup", hostgroup);
        add(sb, "servicegroup", servicegroup);
        add(sb, "timeperiod", timeperiod);
        if (timeperiod.equals("custom")) {
            add(sb, "t1", Long.toString(period.from()));
            add(sb, "t2", Long.toString(period.until()));
        }
        add(sb, "assumeinitialstates", assume.initialStates() ? "yes" : "no");
        add(sb, "assumestateretention", assume.stateRetention() ? "yes" : "no");
        add(sb, "assumestatesduringnotrunning", assume.statesDuringNotRunning() ? "yes" : "no");
        add(sb, "includesoftstates", assume.includeSoftStates() ? "yes" : "no");
        return "?" + sb.substring(1) + extra;
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append('&').append(name).append('=').append(Fmt.INSTANCE.url(value));
        }
    }

    private static boolean yes(String name, String value, boolean absent) {
        String v = blank(value);
        if (v == null) {
            return absent;
        }
        return switch (v) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new BadRequestException("'" + name + "' is '" + value + "', not yes or no");
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
