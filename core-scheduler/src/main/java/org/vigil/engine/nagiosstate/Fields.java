package org.vigil.engine.nagiosstate;

import java.util.Map;
import java.util.Set;

/**
 * Which fields of Nagios's host, service, contact and program blocks Vigil's retention takes, under which name, and
 * why it leaves the others. Vigil's retained attributes carry Nagios's retention.dat names (see
 * {@code RetainedStatus}), so a taken field keeps its name.
 */
final class Fields {

    private Fields() {
    }

    /** Host and service fields taken as they are (Nagios takes them back whatever modified_attributes says). */
    static final Set<String> STATUS = Set.of("has_been_checked", "check_type", "current_state", "last_state",
            "last_hard_state", "last_event_id", "current_event_id", "current_problem_id", "last_problem_id",
            "plugin_output", "long_plugin_output", "performance_data", "last_check", "next_check", "current_attempt",
            "state_type", "last_state_change", "last_hard_state_change", "last_time_up", "last_time_down",
            "last_time_unreachable", "last_time_ok", "last_time_warning", "last_time_unknown", "last_time_critical",
            "last_notification", "current_notification_number", "current_notification_id",
            "problem_has_been_acknowledged", "acknowledgement_type", "is_flapping", "percent_state_change",
            "state_history", "next_notification", "no_more_notifications");

    /**
     * Per-object switches and the modified_attributes bit (Nagios's MODATTR_*) without which Nagios itself does not
     * take them back from retention.dat: the config's value stands.
     */
    static final Map<String, Long> SWITCHES = Map.of("notifications_enabled", 1L, "active_checks_enabled", 2L,
            "passive_checks_enabled", 4L, "event_handler_enabled", 8L, "flap_detection_enabled", 16L, "obsess", 128L);

    /** Program-wide switches and their bit in modified_host_attributes or modified_service_attributes. */
    static final Map<String, Long> HOST_PROGRAM_SWITCHES = Map.of("enable_notifications", 1L,
            "active_host_checks_enabled", 2L, "passive_host_checks_enabled", 4L, "enable_event_handlers", 8L,
            "enable_flap_detection", 16L, "process_performance_data", 64L, "obsess_over_hosts", 128L);
    static final Map<String, Long> SERVICE_PROGRAM_SWITCHES = Map.of("active_service_checks_enabled", 2L,
            "passive_service_checks_enabled", 4L, "obsess_over_services", 128L);

    /** Program fields taken as they are. */
    static final Set<String> PROGRAM = Set.of("next_event_id", "next_problem_id", "next_notification_id");

    /** Contact fields taken as they are. */
    static final Set<String> CONTACT = Set.of("last_host_notification", "last_service_notification");

    /** The reason given for a field Nagios 4.4.6 does not write either. */
    static final String UNKNOWN = "unknown keys, ignored";

    /** Why a field that is not taken is left, by name; a name not here is an unknown key. */
    static String whyNot(String field) {
        if (field.startsWith("_")) {
            return "custom variables come from Vigil's config";
        }
        if (field.startsWith("notified_on_")) {
            return "Vigil counts a problem with current_notification_number > 0 as notified";
        }
        return switch (field) {
            case "host_name", "service_description", "contact_name", "modified_attributes",
                 "modified_host_attributes", "modified_service_attributes", "next_comment_id", "next_downtime_id" ->
                    null; // used, not stored
            case "check_command", "check_period", "notification_period", "event_handler", "check_interval",
                 "retry_interval", "max_attempts", "normal_check_interval", "retry_check_interval",
                 "host_notification_period", "service_notification_period", "global_host_event_handler",
                 "global_service_event_handler" -> "comes from Vigil's config";
            case "check_execution_time", "check_latency", "check_options", "check_flapping_recovery_notification",
                 "process_performance_data", "host_notifications_enabled", "service_notifications_enabled",
                 "check_service_freshness", "check_host_freshness", "last_update", "should_be_scheduled",
                 "scheduled_downtime_depth" -> "not retained by Vigil";
            case "flapping_comment_id" -> "the flapping comment is made again, as Nagios 4.4.6 does at start";
            case "created", "version", "last_update_check", "update_available", "update_uid", "last_version",
                 "new_version", "nagios_pid", "daemon_mode", "program_start", "last_log_rotation" -> null;
            default -> UNKNOWN;
        };
    }
}
