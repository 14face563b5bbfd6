package org.vigil.config.main;

import java.util.Set;

/**
 * Every main config directive Nagios Core 4 reads; anything else gets a warning, and so do those of them Vigil does
 * not act on ({@link IgnoredDirectives}).
 */
final class MainDirectives {

    private MainDirectives() {
    }

    static final Set<String> KNOWN = Set.copyOf(java.util.List.of(
            "log_file", "cfg_file", "cfg_dir", "object_cache_file", "precached_object_file", "resource_file",
            "status_file", "status_update_interval", "nagios_user", "nagios_group", "check_external_commands",
            "command_check_interval", "command_file", "query_socket", "external_command_buffer_slots",
            "check_for_updates", "bare_update_check", "lock_file", "temp_file", "temp_path", "event_broker_options",
            "broker_module", "log_rotation_method", "log_archive_path", "use_daemon_log", "use_syslog",
            "log_notifications", "log_service_retries", "log_host_retries", "log_event_handlers",
            "log_initial_states", "log_current_states", "log_external_commands", "log_passive_checks",
            "global_host_event_handler", "global_service_event_handler", "service_inter_check_delay_method",
            "max_service_check_spread", "service_interleave_factor", "host_inter_check_delay_method",
            "max_host_check_spread", "max_concurrent_checks", "check_result_reaper_frequency",
            "service_reaper_frequency", "max_check_result_reaper_time", "check_result_path",
            "max_check_result_file_age", "cached_host_check_horizon", "cached_service_check_horizon",
            "enable_predictive_host_dependency_checks", "enable_predictive_service_dependency_checks",
            "soft_state_dependencies", "time_change_threshold", "auto_reschedule_checks",
            "auto_rescheduling_interval", "auto_rescheduling_window", "sleep_time", "service_check_timeout",
            "service_check_timeout_state", "host_check_timeout", "event_handler_timeout", "notification_timeout",
            "ocsp_timeout", "ochp_timeout", "perfdata_timeout", "retain_state_information",
            "state_retention_file", "retention_update_interval", "use_retained_program_state",
            "use_retained_scheduling_info", "retention_scheduling_horizon", "retained_host_attribute_mask",
            "retained_service_attribute_mask", "retained_process_host_attribute_mask",
            "retained_process_service_attribute_mask", "retained_contact_host_attribute_mask",
            "retained_contact_service_attribute_mask", "interval_length", "use_aggressive_host_checking",
            "execute_service_checks", "accept_passive_service_checks", "execute_host_checks",
            "accept_passive_host_checks", "enable_notifications", "enable_event_handlers",
            "process_performance_data", "host_perfdata_command", "service_perfdata_command",
            "host_perfdata_file", "service_perfdata_file", "host_perfdata_file_template",
            "service_perfdata_file_template", "host_perfdata_file_mode", "service_perfdata_file_mode",
            "host_perfdata_file_processing_interval", "service_perfdata_file_processing_interval",
            "host_perfdata_file_processing_command", "service_perfdata_file_processing_command",
            "host_perfdata_process_empty_results", "service_perfdata_process_empty_results",
            "obsess_over_services", "ocsp_command", "obsess_over_hosts", "ochp_command", "translate_passive_host_checks",
            "passive_host_checks_are_soft", "check_for_orphaned_services", "check_for_orphaned_hosts",
            "check_service_freshness", "service_freshness_check_interval", "check_host_freshness",
            "host_freshness_check_interval", "additional_freshness_latency", "enable_flap_detection",
            "low_service_flap_threshold", "high_service_flap_threshold", "low_host_flap_threshold",
            "high_host_flap_threshold", "date_format", "use_timezone", "illegal_object_name_chars",
            "illegal_macro_output_chars", "use_regexp_matching", "use_true_regexp_matching", "admin_email",
            "admin_pager", "daemon_dumps_core", "use_large_installation_tweaks", "enable_environment_macros",
            "free_child_process_memory", "child_processes_fork_twice", "debug_level", "debug_verbosity",
            "debug_file", "max_debug_file_size", "allow_empty_hostgroup_assignment", "host_down_disable_service_checks",
            "service_skip_check_dependency_status", "service_skip_check_parent_status",
            "service_skip_check_host_down_status", "host_skip_check_dependency_status", "website_url",
            "check_workers", "log_current_states", "enable_event_handlers", "loadctl_options",
            "max_host_check_spread", "log_rotation_method", "host_check_timeout", "p1_file", "enable_embedded_perl",
            "use_embedded_perl_implicitly", "precache_objects"));
}
