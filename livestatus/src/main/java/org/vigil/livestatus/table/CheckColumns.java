package org.vigil.livestatus.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.Links;
import org.vigil.model.CheckView;
import org.vigil.model.CommentView;
import org.vigil.model.DowntimeView;
import org.vigil.model.ProblemHandling;

/**
 * The columns hosts and services share, with Naemon's names, types and meanings: state, check timing, switches,
 * definition, links, custom variables, comments and downtimes.
 */
final class CheckColumns {

    private CheckColumns() {
    }

    static <R extends Checked> void state(Columns<R> c) {
        c.integer("state", "The current state (0 ok/up, 1 warning/down, 2 critical/unreachable, 3 unknown)",
                        r -> r.status().stateCode())
                .integer("state_type", "Type of the current state (0: soft, 1: hard)",
                        r -> "HARD".equals(r.status().stateType()) ? 1 : 0)
                .integer("last_state", "The state before the current one", r -> r.detail().lastStateCode())
                .integer("last_hard_state", "The last hard state", r -> r.detail().lastHardStateCode())
                .integer("hard_state", "The current state if hard, else the last hard state",
                        r -> "HARD".equals(r.status().stateType()) ? r.status().stateCode()
                                : r.detail().lastHardStateCode())
                .flag("has_been_checked", "Whether a check has been done yet (0/1)", r -> r.detail().hasBeenChecked())
                .integer("current_attempt", "Number of the current check attempt", r -> r.status().attempt())
                .integer("max_check_attempts", "Max check attempts for active checks",
                        r -> r.status().maxAttempts())
                .text("plugin_output", "Output of the last check", r -> r.status().output())
                .text("long_plugin_output", "Long (extra) output of the last check", r -> r.status().longOutput())
                .text("perf_data", "Performance data of the last check", r -> r.status().perfData())
                .time("last_check", "Time of the last check (epoch seconds)", r -> r.status().lastCheck())
                .time("next_check", "Scheduled time for the next check (epoch seconds)",
                        r -> r.status().nextCheck())
                .time("last_state_change", "Time of the last state change (epoch seconds)",
                        r -> r.status().lastStateChange())
                .time("last_hard_state_change", "Time of the last hard state change (epoch seconds)",
                        r -> r.status().lastHardStateChange())
                .seconds("last_update", "Time of the snapshot this row was read from (epoch seconds)",
                        r -> r.scope().snapshot().takenAt().getEpochSecond())
                .integer("check_type", "Type of the last check (0: active, 1: passive)", r -> r.detail().checkType())
                .number("latency", "Time difference between scheduled and actual check time (seconds)",
                        r -> r.status().latency())
                .number("execution_time", "Time the last check took (seconds)", r -> r.status().executionTime())
                .number("percent_state_change", "Percent state change", r -> r.detail().percentStateChange())
                .flag("is_flapping", "Whether the object is flapping (0/1)", r -> r.status().flapping())
                .integer("scheduled_downtime_depth", "The number of downtimes the object is currently in",
                        r -> r.status().downtimeDepth())
                .flag("acknowledged", "Whether the current problem has been acknowledged (0/1)",
                        r -> r.status().acknowledged())
                .integer("acknowledgement_type", "Type of acknowledgement (0: none, 1: normal, 2: sticky)",
                        r -> acknowledgementType(r.status().acknowledgementType()))
                .integer("current_notification_number", "Number of the current notification",
                        r -> r.detail().currentNotificationNumber())
                .time("last_notification", "Time of the last notification (epoch seconds)",
                        r -> r.detail().lastNotification())
                .time("next_notification", "Time of the next notification (epoch seconds)",
                        r -> r.detail().nextNotification())
                .flag("no_more_notifications", "Whether no further notifications are sent for this problem (0/1)",
                        r -> r.detail().noMoreNotifications())
                .flag("should_be_scheduled", "Whether the object is scheduled for active checks (0/1)",
                        r -> r.detail().shouldBeScheduled())
                .integer("current_problem_id", "The id of the current problem (0 for none)",
                        r -> r.detail().currentProblemId())
                .integer("last_problem_id", "The id of the last problem", r -> r.detail().lastProblemId())
                .number("staleness", "How many check intervals the last check is old: (now - last_check) / "
                        + "(check_interval * interval_length)", CheckColumns::staleness)
                .flag("is_executing", "Whether a check is running now: always 0 in Vigil (compatibility.md)",
                        r -> false);
    }

    /**
     * Vigil's own columns (not in Naemon's livestatus): {@code handled} and {@code handling}, by the one rule the
     * pages, the API and /metrics count problems by ({@link ProblemHandling}); {@code hostOf} gives a service's
     * host's status (null for a host). Nagios's {@code acknowledged} and {@code scheduled_downtime_depth} stay as
     * Naemon answers them (docs/compatibility.md).
     */
    static <R extends Checked> void handling(Columns<R> c, Function<R, CheckView> hostOf, String rule) {
        c.flag("handled", "Vigil: whether the current problem is handled (0/1; 0 when no problem): " + rule,
                        r -> ProblemHandling.handled(r.status(), hostIfProblem(r, hostOf)))
                .text("handling", "Vigil: how the current problem is handled: downtime, acknowledged or unhandled "
                        + "(empty when no problem), as the pages say", r -> {
                            String h = ProblemHandling.of(r.status(), hostIfProblem(r, hostOf));
                            return h == null ? "" : h;
                        });
    }

    /** The host's status only where the rule reads it: a row without a problem needs no host. */
    private static <R extends Checked> CheckView hostIfProblem(R r, Function<R, CheckView> hostOf) {
        return r.status().problem() ? hostOf.apply(r) : null;
    }

    static <R extends Checked> void switches(Columns<R> c) {
        c.flag("active_checks_enabled", "Whether active checks are enabled (0/1)",
                        r -> r.status().activeChecksEnabled())
                .flag("checks_enabled", "Whether active checks are enabled (0/1), as active_checks_enabled",
                        r -> r.status().activeChecksEnabled())
                .flag("accept_passive_checks", "Whether passive check results are accepted (0/1)",
                        r -> r.status().passiveChecksEnabled())
                .flag("notifications_enabled", "Whether notifications are enabled (0/1)",
                        r -> r.status().notificationsEnabled())
                .flag("event_handler_enabled", "Whether the event handler is enabled (0/1)",
                        r -> r.detail().eventHandlerEnabled())
                .flag("flap_detection_enabled", "Whether flap detection is enabled (0/1)",
                        r -> r.detail().flapDetectionEnabled())
                .flag("process_performance_data", "Whether performance data is processed (0/1)",
                        r -> r.detail().processPerformanceData())
                .flag("obsess", "Whether the OCSP/OCHP command runs for it (0/1)", r -> r.detail().obsess())
                .flag("check_freshness", "Whether freshness checks are enabled (0/1)",
                        r -> r.check() != null && r.check().checkFreshness())
                .integer("check_options", "Options of the next check: always 0 in Vigil (compatibility.md)",
                        r -> 0)
                .integer("modified_attributes", "Modified attributes bitmask: always 0 in Vigil (compatibility.md)",
                        r -> 0)
                .list("modified_attributes_list", "Modified attributes by name: always empty in Vigil",
                        r -> List.of());
    }

    static <R extends Checked> void definition(Columns<R> c) {
        c.text("check_command", "The check command with its arguments", r -> check(r, CheckSettings::checkCommand))
                .text("check_period", "The time period checks run in", r -> check(r, CheckSettings::checkPeriod))
                .text("event_handler", "The event handler command", r -> check(r, CheckSettings::eventHandler))
                .text("notification_period", "The time period notifications are sent in",
                        r -> r.notification() == null ? "" : r.notification().period())
                .number("check_interval", "Interval of regular checks (interval_length units)",
                        r -> r.detail().checkInterval())
                .number("retry_interval", "Interval of retry checks (interval_length units)",
                        r -> r.detail().retryInterval())
                .number("notification_interval", "Interval of renotifications (interval_length units)",
                        r -> r.notification() == null ? 0 : r.notification().interval())
                .number("first_notification_delay", "Delay before the first notification (interval_length units)",
                        r -> r.notification() == null ? 0 : r.notification().firstDelay())
                .number("low_flap_threshold", "Low threshold of flap detection",
                        r -> r.flap() == null ? 0 : r.flap().lowThreshold())
                .number("high_flap_threshold", "High threshold of flap detection",
                        r -> r.flap() == null ? 0 : r.flap().highThreshold())
                .integer("hourly_value", "The importance of the object (its importance directive)",
                        Checked::importance)
                .flag("in_check_period", "Whether the check period is active now (0/1)",
                        r -> r.scope().inPeriod(check(r, CheckSettings::checkPeriod)))
                .flag("in_notification_period", "Whether the notification period is active now (0/1)",
                        r -> r.scope().inPeriod(r.notification() == null ? null : r.notification().period()))
                .list("contacts", "The contacts (contact groups' members included)", r -> r.contacts())
                .list("contact_groups", "The contact groups",
                        r -> r.notification() == null ? List.of() : r.notification().contactGroups());
    }

    static <R extends Checked> void links(Columns<R> c) {
        link(c, "notes", "Notes", Links::notes);
        link(c, "notes_url", "An URL with further information", Links::notesUrl);
        link(c, "action_url", "An URL for actions or custom information", Links::actionUrl);
        link(c, "icon_image", "The name of an image file to show", Links::iconImage);
        c.text("icon_image_alt", "Alternative text for the icon image", r -> r.links().iconImageAlt());
    }

    private static <R extends Checked> void link(Columns<R> c, String name, String what,
                                                 Function<Links, String> read) {
        c.text(name, what, r -> read.apply(r.links()))
                .text(name + "_expanded", what + ", with macros replaced", r -> expand(read.apply(r.links()),
                        r.macros()));
    }

    static <R extends Checked> void customVariables(Columns<R> c) {
        c.list("custom_variable_names", "The names of the custom variables (upper case, without '_')",
                        r -> new ArrayList<>(custom(r).keySet()))
                .list("custom_variable_values", "The values of the custom variables, in the names' order",
                        r -> new ArrayList<>(custom(r).values()))
                .dict("custom_variables", "The custom variables, name to value", CheckColumns::custom);
    }

    static <R extends Checked> void entries(Columns<R> c) {
        c.list("comments", "The ids of the comments", r -> commentsOf(r).stream().map(CommentView::id).toList())
                .list("comments_with_info", "The comments as [id, author, comment]",
                        r -> commentsOf(r).stream().map(x -> List.of(x.id(), x.author(), x.text())).toList())
                .list("comments_with_extra_info", "The comments as [id, author, comment, type, entry time]",
                        r -> commentsOf(r).stream().map(x -> List.of(x.id(), x.author(), x.text(),
                                EntryTables.commentEntryType(x), Columns.epoch(x.entryTime()))).toList())
                .list("downtimes", "The ids of the scheduled downtimes",
                        r -> downtimesOf(r).stream().map(DowntimeView::id).toList())
                .list("downtimes_with_info", "The scheduled downtimes as [id, author, comment]",
                        r -> downtimesOf(r).stream().map(x -> List.of(x.id(), x.author(), x.comment())).toList())
                .integer("pending_flex_downtime", "The number of flexible downtimes waiting to start",
                        r -> downtimesOf(r).stream().filter(d -> !d.fixed() && !d.inEffect()).count());
    }

    static List<CommentView> commentsOf(Checked r) {
        return r.scope().entries().comments(r.key());
    }

    static List<DowntimeView> downtimesOf(Checked r) {
        return r.scope().entries().downtimes(r.key());
    }

    /** Custom variables as Livestatus shows them: names in upper case, in name order. */
    static Map<String, String> custom(Checked r) {
        Map<String, String> out = new TreeMap<>();
        r.customVariables().forEach((k, v) -> out.put(k.toUpperCase(java.util.Locale.ROOT), v));
        return out;
    }

    /** As Naemon: the age of the last result in check intervals (an interval of 0 counts as 1). */
    static double staleness(Checked r) {
        double interval = r.detail().checkInterval() == 0 ? 1 : r.detail().checkInterval();
        long age = r.scope().snapshot().takenAt().getEpochSecond() - Columns.epoch(r.status().lastCheck());
        return age / (interval * r.scope().intervalLength());
    }

    static int acknowledgementType(String type) {
        return switch (type) {
            case "NORMAL" -> 1;
            case "STICKY" -> 2;
            default -> 0;
        };
    }

    static String expand(String text, Map<String, String> macros) {
        if (text == null || text.indexOf('$') < 0) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> m : macros.entrySet()) {
            out = out.replace(m.getKey(), m.getValue());
        }
        return out;
    }

    private static String check(Checked r, Function<CheckSettings, String> read) {
        return r.check() == null ? "" : read.apply(r.check());
    }
}
