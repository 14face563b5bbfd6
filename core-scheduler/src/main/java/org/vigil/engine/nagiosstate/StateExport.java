package org.vigil.engine.nagiosstate;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.retention.RetainedState;

/**
 * Writes retained state as Nagios 4.4.6's retention.dat, in the order and with the names of its
 * {@code xrddefault_save_state_information}, for a site going back to Nagios. Every switch Vigil holds is written
 * with its {@code modified_attributes} bit set, as Nagios takes a retained switch back only then: Nagios starts with
 * the switches Vigil had, as Vigil would have.
 */
public final class StateExport {

    /** Host and service fields in Nagios's order; one Vigil does not hold is left out (Nagios keeps its default). */
    private static final List<String> STATUS_ORDER = List.of("has_been_checked", "check_type", "current_state",
            "last_state", "last_hard_state", "last_event_id", "current_event_id", "current_problem_id",
            "last_problem_id", "plugin_output", "long_plugin_output", "performance_data", "last_check", "next_check",
            "current_attempt", "state_type", "last_state_change", "last_hard_state_change", "last_time_up",
            "last_time_down", "last_time_unreachable", "last_time_ok", "last_time_warning", "last_time_unknown",
            "last_time_critical", "last_notification", "current_notification_number", "current_notification_id",
            "notifications_enabled", "problem_has_been_acknowledged", "acknowledgement_type", "active_checks_enabled",
            "passive_checks_enabled", "event_handler_enabled", "flap_detection_enabled", "obsess", "is_flapping",
            "percent_state_change", "state_history");
    private static final List<String> PROGRAM_ORDER = List.of("enable_notifications", "active_service_checks_enabled",
            "passive_service_checks_enabled", "active_host_checks_enabled", "passive_host_checks_enabled",
            "enable_event_handlers", "obsess_over_services", "obsess_over_hosts", "enable_flap_detection",
            "process_performance_data", "next_event_id", "next_problem_id", "next_notification_id");
    private static final List<String> COMMENT_ORDER = List.of("entry_type", "comment_id", "source", "persistent",
            "entry_time", "expires", "expire_time", "author", "comment_data");
    private static final List<String> DOWNTIME_ORDER = List.of("comment_id", "downtime_id", "entry_time",
            "start_time", "flex_downtime_start", "end_time", "triggered_by", "fixed", "duration", "is_in_effect",
            "start_notification_sent", "author", "comment");
    private static final String[] HOST_STATES = {"up", "down", "unreachable"};
    private static final String[] SERVICE_STATES = {"ok", "warning", "critical", "unknown"};

    private final StringBuilder out = new StringBuilder(1 << 16);

    private StateExport() {
    }

    /** {@code state} as retention.dat text, created at {@code now} (Nagios keeps next_check only if recent). */
    public static String write(RetainedState state, Instant now) {
        StateExport e = new StateExport();
        e.header(now);
        long nextId = state.entries().stream().mapToLong(Entry::id).max().orElse(0) + 1;
        Map<ObjectKey, ObjectRecord> records = state.records();
        e.program(records.get(ObjectKey.program()), nextId);
        List<ObjectRecord> sorted = records.values().stream().sorted(Comparator.comparing((ObjectRecord r) ->
                r.key().kind()).thenComparing(r -> r.key().name()).thenComparing(r -> r.key().service())).toList();
        sorted.stream().filter(r -> r.key().kind() == ObjectKey.Kind.HOST || r.key().kind() == ObjectKey.Kind.SERVICE)
                .forEach(e::object);
        sorted.stream().filter(r -> r.key().kind() == ObjectKey.Kind.CONTACT).forEach(e::contact);
        state.entries().stream().filter(x -> x.kind() == Entry.Kind.COMMENT).forEach(e::comment);
        state.entries().stream().filter(x -> x.kind() == Entry.Kind.DOWNTIME).forEach(e::downtime);
        return e.out.toString();
    }

    private void header(Instant now) {
        out.append("########################################\n#          NAGIOS STATE RETENTION FILE\n#\n")
                .append("# WRITTEN BY vigil export-nagios-state\n########################################\n");
        out.append("info {\ncreated=").append(now.getEpochSecond()).append("\nversion=4.4.6\n}\n");
    }

    private void program(ObjectRecord program, long nextId) {
        Map<String, String> a = program == null ? Map.of() : program.attributes();
        long hostBits = 0;
        long serviceBits = 0;
        for (Map.Entry<String, Long> e : Fields.HOST_PROGRAM_SWITCHES.entrySet()) {
            hostBits |= a.containsKey(e.getKey()) ? e.getValue() : 0;
        }
        for (Map.Entry<String, Long> e : Fields.SERVICE_PROGRAM_SWITCHES.entrySet()) {
            serviceBits |= a.containsKey(e.getKey()) ? e.getValue() : 0;
        }
        out.append("program {\n");
        line("modified_host_attributes", Long.toString(hostBits));
        line("modified_service_attributes", Long.toString(serviceBits));
        PROGRAM_ORDER.forEach(f -> optional(a, f));
        line("next_comment_id", Long.toString(nextId));
        line("next_downtime_id", Long.toString(nextId));
        out.append("}\n");
    }

    private void object(ObjectRecord r) {
        boolean host = r.key().kind() == ObjectKey.Kind.HOST;
        Map<String, String> a = r.attributes();
        long bits = 0;
        for (Map.Entry<String, Long> e : Fields.SWITCHES.entrySet()) {
            bits |= a.containsKey(e.getKey()) ? e.getValue() : 0;
        }
        out.append(host ? "host {\n" : "service {\n");
        line("host_name", r.key().name());
        if (!host) {
            line("service_description", r.key().service());
        }
        line("modified_attributes", Long.toString(bits));
        for (String f : STATUS_ORDER) {
            if (f.equals("last_notification")) {
                notifiedOn(a, host ? HOST_STATES : SERVICE_STATES);
            }
            if (f.equals("long_plugin_output") && a.containsKey(f)) {
                line(f, a.get(f).replace("\\", "\\\\").replace("\n", "\\n"));
            } else {
                optional(a, f);
            }
        }
        out.append("}\n");
    }

    /** Vigil counts a problem as notified when its number is above 0; Nagios keeps a flag per problem state. */
    private void notifiedOn(Map<String, String> a, String[] states) {
        int current = (int) StateImport.number(a.get("current_state"));
        boolean notified = StateImport.number(a.get("current_notification_number")) > 0;
        for (int s = 1; s < states.length; s++) {
            line("notified_on_" + states[s], notified && s == current ? "1" : "0");
        }
    }

    private void contact(ObjectRecord r) {
        out.append("contact {\n");
        line("contact_name", r.key().name());
        optional(r.attributes(), "last_host_notification");
        optional(r.attributes(), "last_service_notification");
        out.append("}\n");
    }

    private void comment(Entry e) {
        out.append(e.object().kind() == ObjectKey.Kind.HOST ? "hostcomment {\n" : "servicecomment {\n");
        target(e.object());
        Map<String, String> f = new java.util.HashMap<>(e.fields());
        f.put("comment_id", Long.toString(e.id()));
        COMMENT_ORDER.forEach(name -> line(name, oneLine(f.getOrDefault(name, "0"))));
        out.append("}\n");
    }

    private void downtime(Entry e) {
        out.append(e.object().kind() == ObjectKey.Kind.HOST ? "hostdowntime {\n" : "servicedowntime {\n");
        target(e.object());
        Map<String, String> f = new java.util.HashMap<>(e.fields());
        f.put("downtime_id", Long.toString(e.id()));
        DOWNTIME_ORDER.forEach(name -> line(name, oneLine(f.getOrDefault(name, "0"))));
        out.append("}\n");
    }

    private void target(ObjectKey k) {
        line("host_name", k.name());
        if (k.kind() == ObjectKey.Kind.SERVICE) {
            line("service_description", k.service());
        }
    }

    private void optional(Map<String, String> a, String field) {
        String v = a.get(field);
        if (v != null) {
            line(field, oneLine(v));
        }
    }

    /** A value ends at the end of its line in Nagios's file: a newline would start a field of its own. */
    private static String oneLine(String v) {
        return v.replace("\n", " ");
    }

    private void line(String name, String value) {
        out.append(name).append('=').append(value).append('\n');
    }
}
