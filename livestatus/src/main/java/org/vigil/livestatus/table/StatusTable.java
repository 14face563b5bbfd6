package org.vigil.livestatus.table;

import java.util.List;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.model.ProgramDetail;
import org.vigil.model.StatusSnapshot;

/**
 * The {@code status} table: one row, the program's status and switches as Nagios's {@code programstatus} has
 * them, with the counters Vigil keeps. {@code livestatus_version} names Vigil, so a client that switches on
 * Naemon's or Check_MK's version strings treats it as neither.
 */
final class StatusTable {

    /** The version {@code livestatus_version} gives. */
    static final String LIVESTATUS_VERSION = "vigil-" + org.vigil.engine.daemon.Daemon.VERSION;

    /** What the status table shows beyond the snapshot, from the main configuration. */
    record Settings(long intervalLength, boolean checkExternalCommands) {
    }

    private StatusTable() {
    }

    static SimpleTable<StatusSnapshot> table(Settings settings) {
        Columns<StatusSnapshot> c = new Columns<>();
        c.seconds("program_start", "The time the monitoring program was started (epoch seconds)",
                        s -> s.program().programStart().getEpochSecond())
                .integer("nagios_pid", "The process id of the monitoring process", s -> s.program().pid())
                .text("program_version", "The version of the monitoring daemon", s -> s.program().version())
                .text("livestatus_version", "The version of the Livestatus implementation", s -> LIVESTATUS_VERSION)
                .flag("enable_notifications", "Whether notifications are enabled (0/1)",
                        s -> s.program().notificationsEnabled())
                .flag("execute_service_checks", "Whether active service checks are run (0/1)",
                        s -> s.program().executeServiceChecks())
                .flag("accept_passive_service_checks", "Whether passive service checks are accepted (0/1)",
                        s -> s.program().acceptPassiveServiceChecks())
                .flag("execute_host_checks", "Whether host checks are run (0/1)", s -> s.program().executeHostChecks())
                .flag("accept_passive_host_checks", "Whether passive host checks are accepted (0/1)",
                        s -> s.program().acceptPassiveHostChecks())
                .flag("enable_event_handlers", "Whether event handlers are enabled (0/1)",
                        s -> s.program().eventHandlersEnabled())
                .flag("enable_flap_detection", "Whether flap detection is enabled (0/1)",
                        s -> s.program().flapDetectionEnabled())
                .flag("process_performance_data", "Whether performance data is processed (0/1)",
                        s -> detail(s).processPerformanceData())
                .flag("obsess_over_services", "Whether the OCSP command runs (0/1)",
                        s -> detail(s).obsessOverServices())
                .flag("obsess_over_hosts", "Whether the OCHP command runs (0/1)", s -> detail(s).obsessOverHosts())
                .flag("check_service_freshness", "Whether service freshness is checked (0/1)",
                        s -> detail(s).checkServiceFreshness())
                .flag("check_host_freshness", "Whether host freshness is checked (0/1)",
                        s -> detail(s).checkHostFreshness())
                .flag("check_external_commands", "Whether external commands are accepted (0/1)",
                        s -> settings.checkExternalCommands())
                .seconds("last_command_check", "The time of the last check for commands (epoch seconds): Vigil "
                        + "takes commands as they arrive, so the snapshot's time", s -> s.takenAt().getEpochSecond())
                .seconds("last_log_rotation", "The time of the last log rotation: always 0 in Vigil", s -> 0)
                .integer("interval_length", "The length of one interval unit in seconds",
                        s -> settings.intervalLength())
                .integer("num_hosts", "The number of hosts", s -> s.hosts().size())
                .integer("num_services", "The number of services", s -> s.services().size())
                .integer("checks_completed", "The number of checks completed since the program started "
                        + "(Vigil's own)", s -> s.program().checksCompleted())
                .number("check_latency_p50_ms", "The median check latency in milliseconds (Vigil's own)",
                        s -> s.program().latencyP50Millis())
                .number("check_latency_p99_ms", "The 99th percentile check latency in milliseconds (Vigil's own)",
                        s -> s.program().latencyP99Millis());
        return new SimpleTable<>("status", c.build(), (QueryContext ctx) -> List.of(ctx.snapshot()));
    }

    private static ProgramDetail detail(StatusSnapshot s) {
        return s.programDetail();
    }
}
