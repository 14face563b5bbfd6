package org.vigil.config.main;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/**
 * The range of each main config value, as Nagios 4.4.6's {@code read_main_config_file} checks it (base/config.c,
 * read for behaviour), and a few more where Nagios is silent and the value is harmful. Numbers are read as
 * Nagios reads them ({@code atoi}: the leading digits, 0 when there are none), so the verdicts agree; a value
 * Nagios reads that way but that is not a number as written gets a warning. Unlike Nagios, which stops at the
 * first bad value, every bad value is reported.
 */
final class MainValueChecks {

    private static final Pattern LEADING_INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern LEADING_NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** What a directive's value must be. */
    private sealed interface Rule permits Flag, AtLeast, Letters, DelayMethod, Percent, Between {
    }

    /** Exactly {@code 0} or {@code 1} (Nagios: {@code strlen(value) != 1 || value[0] < '0' || value[0] > '1'}). */
    private record Flag() implements Rule {
    }

    /** A whole number of {@code min} or more; {@code nagios} false where only Vigil refuses below it. */
    private record AtLeast(long min, boolean nagios) implements Rule {
    }

    /** One of the letters. */
    private record Letters(Set<String> allowed) implements Rule {
    }

    /** {@code n}, {@code d}, {@code s}, or a number of seconds above 0. */
    private record DelayMethod() implements Rule {
    }

    /** A percentage above 0 and below 100, or up to 100 when {@code hundredAllowed}. */
    private record Percent(boolean hundredAllowed) implements Rule {
    }

    /** A whole number from {@code min} to {@code max}. */
    private record Between(long min, long max) implements Rule {
    }

    private static final Map<String, Rule> RULES = rules();

    private static Map<String, Rule> rules() {
        Map<String, Rule> r = new HashMap<>();
        for (String flag : List.of("use_syslog", "log_notifications", "log_service_retries", "log_host_retries",
                "log_event_handlers", "log_external_commands", "log_passive_checks", "log_initial_states",
                "log_current_states", "retain_state_information", "use_retained_program_state",
                "use_retained_scheduling_info", "obsess_over_services", "obsess_over_hosts",
                "translate_passive_host_checks", "use_aggressive_host_checking", "soft_state_dependencies",
                "check_external_commands", "check_for_orphaned_services", "check_for_orphaned_hosts",
                "check_service_freshness", "check_host_freshness", "auto_reschedule_checks", "daemon_dumps_core",
                "use_large_installation_tweaks")) {
            r.put(flag, new Flag());
        }
        for (String zeroOrMore : List.of("retention_update_interval", "max_concurrent_checks")) {
            r.put(zeroOrMore, new AtLeast(0, true));
        }
        for (String oneOrMore : List.of("retention_scheduling_horizon", "service_check_timeout", "host_check_timeout",
                "event_handler_timeout", "notification_timeout", "ocsp_timeout", "ochp_timeout",
                "max_service_check_spread", "max_host_check_spread", "check_result_reaper_frequency",
                "service_reaper_frequency", "max_check_result_reaper_time", "interval_length",
                "service_freshness_check_interval", "host_freshness_check_interval", "auto_rescheduling_interval",
                "auto_rescheduling_window", "status_update_interval")) {
            r.put(oneOrMore, new AtLeast(1, true));
        }
        r.put("time_change_threshold", new AtLeast(6, true));
        // Nagios reads these with atoi and no check; a negative latency or a zero perfdata timeout runs wild
        r.put("additional_freshness_latency", new AtLeast(0, false));
        r.put("perfdata_timeout", new AtLeast(1, false));
        r.put("service_check_timeout_state", new Letters(Set.of("o", "w", "c", "u")));
        r.put("log_rotation_method", new Letters(Set.of("n", "h", "d", "w", "m")));
        r.put("service_inter_check_delay_method", new DelayMethod());
        r.put("host_inter_check_delay_method", new DelayMethod());
        r.put("low_service_flap_threshold", new Percent(false));
        r.put("low_host_flap_threshold", new Percent(false));
        r.put("high_service_flap_threshold", new Percent(true));
        r.put("high_host_flap_threshold", new Percent(true));
        for (String skip : List.of("service_skip_check_dependency_status", "service_skip_check_parent_status",
                "service_skip_check_host_down_status", "host_skip_check_dependency_status")) {
            r.put(skip, new Between(-1, 3));
        }
        return Map.copyOf(r);
    }

    private MainValueChecks() {
    }

    /** Reports {@code value} of {@code name} at {@code where} when it is out of range. */
    static void check(String name, String value, SourceLocation where, Diagnostics diags) {
        Rule rule = RULES.get(name);
        String problem = rule == null ? null : problem(rule, value);
        if (problem != null) {
            String what = value.matches("[+-]?[0-9.]+") ? "is out of range" : "is not valid";
            diags.error(where, name + " '" + abbreviate(value) + "' " + what + " (expected " + problem + ")");
        } else if ((rule instanceof AtLeast || rule instanceof Between) && !value.matches("[+-]?[0-9]+")) {
            diags.warning(where, name + " '" + abbreviate(value) + "' is read as " + atoi(value)
                    + ", as Nagios reads it (expected a whole number)");
        }
    }

    /** What the value should be, or null when it is in range. */
    private static String problem(Rule rule, String value) {
        if (rule instanceof Flag) {
            return value.equals("0") || value.equals("1") ? null : "0 or 1";
        }
        if (rule instanceof AtLeast a) {
            return atoi(value) >= a.min() && atoi(value) <= Integer.MAX_VALUE ? null
                    : "a whole number from " + a.min() + " to " + Integer.MAX_VALUE;
        }
        if (rule instanceof Letters l) {
            return l.allowed().contains(value) ? null
                    : "one of " + String.join(", ", l.allowed().stream().sorted().toList());
        }
        if (rule instanceof DelayMethod) {
            return value.equals("n") || value.equals("d") || value.equals("s") || strtod(value) > 0
                    ? null : "n, d, s, or a delay in seconds above 0";
        }
        if (rule instanceof Percent p) {
            double x = strtod(value);
            return x > 0 && (p.hundredAllowed() ? x <= 100 : x < 100) ? null
                    : "a percentage above 0 and " + (p.hundredAllowed() ? "up to 100" : "below 100");
        }
        Between b = (Between) rule;
        return atoi(value) >= b.min() && atoi(value) <= b.max() ? null
                : "a whole number from " + b.min() + " to " + b.max();
    }

    /** C's atoi, without its overflow: the leading integer, 0 when there is none, clamped to a long. */
    static long atoi(String value) {
        Matcher m = LEADING_INTEGER.matcher(value.strip());
        if (!m.lookingAt()) {
            return 0;
        }
        String digits = m.group();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** C's strtod: the leading number, 0 when there is none. */
    private static double strtod(String value) {
        Matcher m = LEADING_NUMBER.matcher(value.strip());
        return m.lookingAt() ? Double.parseDouble(m.group()) : 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
