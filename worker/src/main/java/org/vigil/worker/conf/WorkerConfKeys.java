package org.vigil.worker.conf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys mod_gearman's {@code worker.conf} (and its worker's {@code --key=value} options) may hold, as its
 * {@code common/utils.c} reads them: each key's kind of value, and the aliases it accepts ({@code password} for
 * {@code key}, {@code hostgroup} for {@code hostgroups}...). Keys the NEB module reads from a shared file are known
 * too, so a site's common file loads; the worker keeps them as read.
 */
public final class WorkerConfKeys {

    /** What a key's value must look like. */
    public enum Kind {
        /** yes/no, on/off, true/false, 1/0; a bare key means yes. */
        BOOLEAN,
        /** A whole number. */
        NUMBER,
        /** A decimal number (load limits). */
        DECIMAL,
        /** Any text. */
        TEXT,
        /** A comma list that adds up over repeated lines. */
        LIST
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("password", "key"), Map.entry("passwordfile", "keyfile"),
            Map.entry("configfile", "config"), Map.entry("include", "config"),
            Map.entry("eventhandlers", "eventhandler"), Map.entry("notification", "notifications"),
            Map.entry("hostgroup", "hostgroups"), Map.entry("servicegroup", "servicegroups"),
            Map.entry("localhostgroup", "localhostgroups"), Map.entry("localservicegroup", "localservicegroups"),
            Map.entry("restrictpath", "restrict_path"), Map.entry("debug_result", "debug-result"),
            Map.entry("d", "daemon"), Map.entry("t", "timeout"), Map.entry("r", "returncode"),
            Map.entry("m", "message"));

    static {
        kinds(Kind.LIST, "server", "dupserver", "hostgroups", "servicegroups", "localhostgroups",
                "localservicegroups", "restrict_path", "export");
        kinds(Kind.BOOLEAN, "hosts", "services", "eventhandler", "notifications", "encryption", "daemon",
                "debug-result", "fork_on_exec", "do_hostchecks", "route_eventhandler_like_checks", "active",
                "show_error_output", "dup_results_are_passive", "workaround_rc_25", "orphan_host_checks",
                "orphan_service_checks", "accept_clear_results", "enable_embedded_perl",
                "use_embedded_perl_implicitly", "use_perl_cache", "use_uniq_jobs", "internal_check_dummy",
                "perfdata_send_all");
        kinds(Kind.NUMBER, "debug", "job_timeout", "min-worker", "max-worker", "max-age", "idle-timeout",
                "max-jobs", "spawn-rate", "timeout_return", "orphan_return", "gearman_connection_timeout",
                "log_stats_interval", "result_workers", "timeout", "returncode", "perfdata_mode",
                "latency_flatten_window");
        kinds(Kind.DECIMAL, "load_limit1", "load_limit5", "load_limit15");
        kinds(Kind.TEXT, "config", "key", "keyfile", "identifier", "logfile", "logmode", "pidfile", "p1_file",
                "restrict_command_characters", "result_queue", "queue_custom_variable", "perfdata",
                "host_perfdata_template", "service_perfdata_template", "delimiter", "message", "host", "service",
                "latency", "starttime", "finishtime",
                // read and ignored by mod_gearman's worker ("ignoring unsupported option")
                "prometheus_server", "sink-rate", "backgrounding-threshold", "load_cpu_multi", "mem_limit");
    }

    private WorkerConfKeys() {
    }

    private static void kinds(Kind kind, String... keys) {
        for (String key : keys) {
            KINDS.put(key, kind);
        }
    }

    /** The key as mod_gearman spells it: lower case, leading hyphens dropped, aliases resolved. */
    public static String canonical(String key) {
        String k = key.strip().toLowerCase(java.util.Locale.ROOT);
        while (k.startsWith("-")) {
            k = k.substring(1);
        }
        return ALIASES.getOrDefault(k, k);
    }

    /** The kind of a canonical key's value, or null for a key mod_gearman does not know. */
    public static Kind kind(String canonicalKey) {
        return KINDS.get(canonicalKey);
    }

    /** mod_gearman's yes/no words (yes/no, on/off, true/false, 1/0, any case) as a Boolean; null for others. */
    public static Boolean yesNo(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "on", "true", "1" -> Boolean.TRUE;
            case "no", "off", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Every canonical key, for "did you mean" hints. */
    public static Set<String> all() {
        return Collections.unmodifiableSet(KINDS.keySet());
    }
}
