package org.vigil.config.main;

import java.util.Map;
import java.util.Optional;

/**
 * The directives of {@link MainDirectives} that Vigil reads no further than their syntax, each with what Vigil does
 * instead, so that {@code vigil verify} and {@code vigil run} say so at its line rather than accept it silently.
 * Every other known directive is acted on somewhere (checked directive by directive against the code: engine,
 * checks, notifier, daemon, macros). When a feature comes that acts on one, its row goes.
 */
public final class IgnoredDirectives {

    private IgnoredDirectives() {
    }

    private static final String NO_SPOOL = "Vigil applies each check result as it comes back, without Nagios's"
            + " check result spool";
    private static final String NO_DEBUG = "Vigil has no debug log (its own diagnostics go through vigil.yml's"
            + " 'logging:')";
    private static final String NO_MASK = "every retained attribute is restored";
    private static final String NO_SPREAD = "Vigil spreads each first check over its interval by the object's name";
    private static final String NO_RESCHEDULE = "checks are not rescheduled to smooth the load; each runs at its"
            + " own time";
    private static final String NO_PREDICTIVE = "no predictive dependency checks are run; dependencies are"
            + " judged on the current states";
    private static final String NO_PERL = "Nagios 4 has no embedded Perl and ignores it too";
    private static final String NO_WORKERS = "plugins run from Vigil's own pool (max_concurrent_checks,"
            + " -Dvigil.forks)";

    private static final Map<String, String> INSTEAD = Map.ofEntries(
            Map.entry("precached_object_file", "Vigil keeps its own objects cache (vigil-objects.cache beside the"
                    + " retention database); 'vigil verify --dump-objects' writes Nagios's layout"),
            Map.entry("precache_objects", "Vigil keeps its own objects cache (vigil-objects.cache)"),
            Map.entry("command_check_interval", "external commands are handled as they arrive (Nagios 4 ignores it"
                    + " too)"),
            Map.entry("external_command_buffer_slots", "external commands are handled as they arrive (Nagios 4"
                    + " ignores it too)"),
            Map.entry("query_socket", "there is no query handler socket; 'vigil sweep' and the API use Vigil's own"
                    + " control socket (lock_file.sock) and /api/v1"),
            Map.entry("check_for_updates", "Vigil never checks for updates"),
            Map.entry("bare_update_check", "Vigil never checks for updates"),
            Map.entry("event_broker_options", "no event broker modules are loaded (see broker_module)"),
            Map.entry("use_daemon_log", "the log is written to log_file whenever it is set (Nagios 4.4.6 does not"
                    + " know this directive)"),
            Map.entry("service_inter_check_delay_method", NO_SPREAD),
            Map.entry("host_inter_check_delay_method", NO_SPREAD),
            Map.entry("service_interleave_factor", NO_SPREAD),
            Map.entry("check_result_reaper_frequency", NO_SPOOL),
            Map.entry("service_reaper_frequency", NO_SPOOL),
            Map.entry("max_check_result_reaper_time", NO_SPOOL),
            Map.entry("check_result_path", NO_SPOOL),
            Map.entry("max_check_result_file_age", NO_SPOOL),
            Map.entry("check_for_orphaned_services", "a check always comes back (killed at its timeout), so none"
                    + " is orphaned"),
            Map.entry("check_for_orphaned_hosts", "a check always comes back (killed at its timeout), so none is"
                    + " orphaned"),
            Map.entry("cached_service_check_horizon", NO_PREDICTIVE),
            Map.entry("enable_predictive_host_dependency_checks", NO_PREDICTIVE),
            Map.entry("enable_predictive_service_dependency_checks", NO_PREDICTIVE),
            Map.entry("service_skip_check_parent_status", "a service check runs whatever the state of its host's"
                    + " parents"),
            Map.entry("time_change_threshold", "a jump of the system clock is not detected or compensated"),
            Map.entry("auto_reschedule_checks", NO_RESCHEDULE),
            Map.entry("auto_rescheduling_interval", NO_RESCHEDULE),
            Map.entry("auto_rescheduling_window", NO_RESCHEDULE),
            Map.entry("sleep_time", "it is obsolete: Nagios 4 ignores it too"),
            Map.entry("retention_update_interval", "retained state is written behind each change, within about a"
                    + " second"),
            Map.entry("use_retained_program_state", "the program-wide switches commands changed are always"
                    + " restored"),
            Map.entry("use_retained_scheduling_info", "a retained next check less than one interval ahead is always"
                    + " kept; the others are spread again"),
            Map.entry("retention_scheduling_horizon", "a retained next check less than one interval ahead is always"
                    + " kept; the others are spread again"),
            Map.entry("retained_host_attribute_mask", NO_MASK),
            Map.entry("retained_service_attribute_mask", NO_MASK),
            Map.entry("retained_process_host_attribute_mask", NO_MASK),
            Map.entry("retained_process_service_attribute_mask", NO_MASK),
            Map.entry("retained_contact_host_attribute_mask", NO_MASK),
            Map.entry("retained_contact_service_attribute_mask", NO_MASK),
            Map.entry("daemon_dumps_core", "Vigil is a Java process; it sets up no core dumps"),
            Map.entry("free_child_process_memory", NO_WORKERS),
            Map.entry("child_processes_fork_twice", NO_WORKERS),
            Map.entry("check_workers", NO_WORKERS),
            Map.entry("loadctl_options", NO_WORKERS),
            Map.entry("debug_level", NO_DEBUG),
            Map.entry("debug_verbosity", NO_DEBUG),
            Map.entry("debug_file", NO_DEBUG),
            Map.entry("max_debug_file_size", NO_DEBUG),
            Map.entry("p1_file", NO_PERL),
            Map.entry("enable_embedded_perl", NO_PERL),
            Map.entry("use_embedded_perl_implicitly", NO_PERL));

    /** Why {@code name}={@code value} does nothing in Vigil and what it does instead; empty when it is acted on. */
    static Optional<String> instead(String name, String value) {
        if (name.equals("broker_module")) {
            // Vigil answers Livestatus itself on the line's socket (LivestatusModuleLine) and sends checks to
            // gearmand itself as mod_gearman's line says (GearmanModuleLine, read by the worker module)
            return LivestatusModuleLine.isLivestatus(value) || GearmanModuleLine.isGearman(value) ? Optional.empty()
                    : Optional.of(brokerModule(value));
        }
        return Optional.ofNullable(INSTEAD.get(name));
    }

    /**
     * The directives in the table (broker_module aside), for the tests that keep it within {@link
     * MainDirectives#KNOWN} and drop a row once some module reads its directive.
     */
    public static java.util.Set<String> names() {
        return INSTEAD.keySet();
    }

    private static String brokerModule(String value) {
        String notLoaded = "NEB modules are not loaded (Vigil is not the Nagios process they link into)";
        if (value.contains("livestatus")) {
            return notLoaded + "; Vigil answers Livestatus itself for a module named livestatus.o or livestatus.so"
                    + " (or with vigil.yml's livestatus:)";
        }
        if (value.contains("gearman")) {
            return notLoaded + "; Vigil sends checks to gearmand itself for a module whose file name starts with"
                    + " mod_gearman (or with vigil.yml's gearman:)";
        }
        return notLoaded;
    }
}
