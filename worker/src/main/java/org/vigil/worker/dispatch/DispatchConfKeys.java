package org.vigil.worker.dispatch;

import java.util.Map;
import java.util.Set;

/**
 * Which of mod_gearman's keys the central node acts on (those of {@code etc/mod_gearman_neb.conf.in} that route,
 * encrypt and read results), and, for the other documented keys, why Vigil does not: a site's {@code module.conf}
 * loads with a warning for each, never an error. Keys mod_gearman does not know at all are errors (the reader).
 */
final class DispatchConfKeys {

    /** The keys read into {@link DispatchSettings} (canonical names, as {@code WorkerConfKeys} spells them). */
    static final Set<String> ACTED_ON = Set.of("config", "server", "dupserver", "key", "keyfile", "encryption",
            "accept_clear_results", "hosts", "services", "eventhandler", "notifications", "do_hostchecks",
            "route_eventhandler_like_checks", "hostgroups", "servicegroups", "localhostgroups",
            "localservicegroups", "queue_custom_variable", "use_uniq_jobs", "result_queue", "result_workers",
            "orphan_host_checks", "orphan_service_checks", "orphan_return");

    private static final String LOG = "Vigil logs dispatch problems in its own log (vigil.yml's logging:)";
    private static final String PERFDATA = "performance data is not queued on gearmand; Vigil's own performance"
            + " data files and metric writers (metric_writers:) take it";

    /** The NEB module's own keys Vigil does not act on, each with what Vigil does instead. */
    private static final Map<String, String> NEB_NOT_ACTED_ON = Map.ofEntries(
            Map.entry("debug", LOG), Map.entry("logfile", LOG), Map.entry("logmode", LOG),
            Map.entry("perfdata", PERFDATA), Map.entry("perfdata_send_all", PERFDATA),
            Map.entry("perfdata_mode", PERFDATA),
            Map.entry("latency_flatten_window", "a result's latency is kept as measured, not flattened"),
            Map.entry("log_stats_interval", "the dispatch counters are on the status page, /metrics and the API"),
            Map.entry("gearman_connection_timeout", "Vigil's gearmand connections use their own timeouts"),
            Map.entry("export", "no event broker data is exported to gearmand queues"),
            Map.entry("internal_check_dummy", "which checks run without a plugin is decided by Vigil's built-in"
                    + " checks (vigil.yml's builtin_checks:)"));

    private DispatchConfKeys() {
    }

    /** Why {@code key} (canonical, known to mod_gearman, not {@link #ACTED_ON}) means nothing to the central node. */
    static String notActedOn(String key) {
        String why = NEB_NOT_ACTED_ON.get(key);
        return why != null ? why : "it is a worker's setting (worker.conf); the central node does not use it";
    }
}
