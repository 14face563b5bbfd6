package org.vigil.web.history;

import java.util.List;

/**
 * An availability report as avail.cgi's {@code csvoutput} writes it: its header and columns for a host, a
 * service, a host group's hosts and a service group's services (values separated by {@code ", "}, names quoted,
 * percentages as {@code 12.345%}). Unlike the lists' CSV export, a name that would start a spreadsheet formula is
 * not neutralised: this CSV has no plugin output, only names from the configuration and numbers, and it stays
 * avail.cgi's exact text (docs/compatibility.md).
 */
public final class AvailabilityCsv {

    private static final String STATE_COLUMNS = "TIME_%1$s_SCHEDULED, PERCENT_TIME_%1$s_SCHEDULED, "
            + "PERCENT_KNOWN_TIME_%1$s_SCHEDULED, TIME_%1$s_UNSCHEDULED, PERCENT_TIME_%1$s_UNSCHEDULED, "
            + "PERCENT_KNOWN_TIME_%1$s_UNSCHEDULED, TOTAL_TIME_%1$s, PERCENT_TOTAL_TIME_%1$s, PERCENT_KNOWN_TIME_%1$s, ";

    private AvailabilityCsv() {
    }

    public static String host(Availability a) {
        StringBuilder sb = new StringBuilder("HOST_NAME, ");
        for (String st : List.of("UP", "DOWN", "UNREACHABLE")) {
            sb.append(STATE_COLUMNS.formatted(st));
        }
        sb.append(undeterminedHeader()).append('\n').append(quoted(a.host())).append(", ");
        return detailRow(sb, a).toString();
    }

    public static String service(Availability a) {
        StringBuilder sb = new StringBuilder("HOST_NAME, SERVICE_DESCRIPTION, ");
        for (String st : List.of("OK", "WARNING", "UNKNOWN", "CRITICAL")) {
            sb.append(STATE_COLUMNS.formatted(st));
        }
        sb.append(undeterminedHeader()).append('\n').append(quoted(a.host())).append(", ")
                .append(quoted(a.service())).append(", ");
        return detailRow(sb, a).toString();
    }

    /** A host group's hosts, one line each. */
    public static String hostgroup(String group, List<Availability> hosts) {
        StringBuilder sb = new StringBuilder("HOSTGROUP_NAME, HOST_NAME, TIME_UP, PERCENT_TIME_UP, "
                + "PERCENT_KNOWN_TIME_UP, TIME_DOWN, PERCENT_TIME_DOWN, PERCENT_KNOWN_TIME_DOWN, TIME_UNREACHABLE, "
                + "PERCENT_TIME_UNREACHABLE, PERCENT_KNOWN_TIME_UNREACHABLE, TIME_UNDETERMINED, "
                + "PERCENT_TIME_UNDETERMINED\n");
        for (Availability a : hosts) {
            sb.append(quoted(group)).append(", ").append(quoted(a.host())).append(", ");
            summaryRow(sb, a, List.of("UP", "DOWN", "UNREACHABLE"));
        }
        return sb.toString();
    }

    /** A service group's services, one line each (avail.cgi's order of states: OK, WARNING, CRITICAL, UNKNOWN). */
    public static String servicegroup(String group, List<Availability> services) {
        StringBuilder sb = new StringBuilder("SERVICEGROUP_NAME, HOST_NAME, SERVICE_DESCRIPTION, SERVICE_TIME_OK, "
                + "SERVICE_PERCENT_TIME_OK, SERVICE_PERCENT_KNOWN_TIME_OK, SERVICE_TIME_WARNING, "
                + "SERVICE_PERCENT_TIME_WARNING, SERVICE_PERCENT_KNOWN_TIME_WARNING, SERVICE_TIME_CRITICAL, "
                + "SERVICE_PERCENT_TIME_CRITICAL, SERVICE_PERCENT_KNOWN_TIME_CRITICAL, SERVICE_TIME_UNKNOWN, "
                + "SERVICE_PERCENT_TIME_UNKNOWN, SERVICE_PERCENT_KNOWN_TIME_UNKNOWN, SERVICE_TIME_UNDETERMINED, "
                + "SERVICE_PERCENT_TIME_UNDETERMINED\n");
        for (Availability a : services) {
            sb.append(quoted(group)).append(", ").append(quoted(a.host())).append(", ")
                    .append(quoted(a.service())).append(", ");
            summaryRow(sb, a, List.of("OK", "WARNING", "CRITICAL", "UNKNOWN"));
        }
        return sb.toString();
    }

    private static String undeterminedHeader() {
        return "TIME_UNDETERMINED_NOT_RUNNING, PERCENT_TIME_UNDETERMINED_NOT_RUNNING, TIME_UNDETERMINED_NO_DATA, "
                + "PERCENT_TIME_UNDETERMINED_NO_DATA, TOTAL_TIME_UNDETERMINED, PERCENT_TOTAL_TIME_UNDETERMINED";
    }

    private static StringBuilder detailRow(StringBuilder sb, Availability a) {
        for (StateTime t : a.states()) {
            sb.append(t.scheduled()).append(", ").append(Percent.format(t.scheduledPercent())).append(", ")
                    .append(Percent.format(t.scheduledPercentKnown())).append(", ")
                    .append(t.unscheduled()).append(", ").append(Percent.format(t.unscheduledPercent())).append(", ")
                    .append(Percent.format(t.unscheduledPercentKnown())).append(", ")
                    .append(t.total()).append(", ").append(Percent.format(t.percent())).append(", ")
                    .append(Percent.format(t.percentKnown())).append(", ");
        }
        return sb.append(a.notRunning()).append(", ").append(Percent.format(a.notRunningPercent())).append(", ")
                .append(a.noData()).append(", ").append(Percent.format(a.noDataPercent())).append(", ")
                .append(a.undetermined()).append(", ").append(Percent.format(a.undeterminedPercent())).append('\n');
    }

    private static void summaryRow(StringBuilder sb, Availability a, List<String> order) {
        for (String st : order) {
            StateTime t = a.state(st);
            sb.append(t.total()).append(", ").append(Percent.format(t.percent())).append(", ")
                    .append(Percent.format(t.percentKnown())).append(", ");
        }
        sb.append(a.undetermined()).append(", ").append(Percent.format(a.undeterminedPercent())).append('\n');
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
