package org.vigil.config.resolve;

import org.vigil.config.diag.Suggest;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.timeperiod.TimeperiodRules;

/**
 * Stage 3 of loading: applies {@code use} templates exactly as Nagios does. Templates are applied in the
 * order listed, so the first that sets an attribute wins; a value starting with {@code +} is appended
 * to the inherited one; {@code null} stops inheritance.
 */
public final class TemplateResolver {

    /** Attributes whose values Nagios parses at once (numbers, flags); {@code +} means nothing for them. */
    private static final Set<String> NOT_STRINGS = Set.of("initial_state", "max_check_attempts", "check_interval",
            "retry_interval", "active_checks_enabled", "passive_checks_enabled", "obsess", "check_freshness",
            "freshness_threshold", "event_handler_enabled", "low_flap_threshold", "high_flap_threshold",
            "flap_detection_enabled", "flap_detection_options", "process_perf_data", "retain_status_information",
            "retain_nonstatus_information", "notification_interval", "first_notification_delay",
            "notification_options", "notifications_enabled", "stalking_options", "2d_coords", "3d_coords",
            "importance", "is_volatile", "parallelize_check", "host_notification_options",
            "service_notification_options", "host_notifications_enabled", "service_notifications_enabled",
            "can_submit_commands", "minimum_importance", "inherits_parent", "notification_failure_criteria",
            "execution_failure_criteria", "first_notification", "last_notification", "escalation_options");

    private final Diagnostics diags;
    private final Map<ObjectType, Map<String, Definition>> templates = new EnumMap<>(ObjectType.class);

    public TemplateResolver(Diagnostics diags) {
        this.diags = diags;
    }

    /** Resolves every definition in place. */
    public void resolve(List<Definition> definitions) {
        for (Definition d : definitions) {
            if (d.templateName != null) {
                Map<String, Definition> byName = templates.computeIfAbsent(d.type, t -> new HashMap<>());
                Definition previous = byName.putIfAbsent(d.templateName, d);
                if (previous != null) {
                    diags.warning(d.location, "duplicate " + d.type.keyword() + " template '" + d.templateName
                            + "' (first defined at " + previous.location + "; that one is used)");
                }
            }
            if (d.type == ObjectType.TIMEPERIOD) {
                d.rules = TimeperiodRules.parse(d.ranges, diags);
            }
        }
        for (Definition d : definitions) {
            resolve(d);
        }
    }

    private void resolve(Definition d) {
        if (d.state == 2) {
            return;
        }
        if (d.state == 1) {
            diags.error(d.useLocation, "circular template use: " + d.type.keyword() + " template '" + d.templateName
                    + "' uses itself through 'use' (expected a chain of templates that ends)");
            return;
        }
        d.state = 1;
        Map<String, Definition> byName = templates.getOrDefault(d.type, Map.of());
        for (String name : d.uses) {
            Definition t = byName.get(name);
            if (t == null) {
                diags.error(d.useLocation, d.type.keyword() + " template '" + name + "' is not defined (expected the"
                        + " 'name' of a " + d.type.keyword() + " definition" + Suggest.hint(name, byName.keySet()) + ")");
                continue;
            }
            resolve(t);
            if (t.state != 2) {
                continue;
            }
            d.templates.add(t);
            if (d.rules != null && t.rules != null) {
                d.rules = d.rules.inheritFrom(t.rules);
            }
        }
        if (d.templateName != null) {
            Map<String, Attr> flat = new java.util.LinkedHashMap<>();
            for (String key : d.keys()) {
                flat.put(key, inherited(d, key));
            }
            d.flat = flat;
        }
        d.state = 2;
    }

    /**
     * The value of {@code key} for {@code d} after inheritance: its own value, unless it is additive
     * ({@code +...}), in which case the first template that has the attribute is prepended; without an
     * own value, the first template's (in {@code use} order) that has it.
     */
    static Attr inherited(Definition d, String key) {
        Attr mine = d.own.get(key);
        if (mine != null && !isAdditive(key, mine)) {
            return mine;
        }
        Attr theirs = null;
        for (Definition t : d.templates) {
            theirs = t.flat.get(key);
            if (theirs != null) {
                break;
            }
        }
        if (mine == null) {
            return theirs;
        }
        if (theirs != null && theirs.value() != null) {
            return new Attr(theirs.value() + "," + mine.value().substring(1), mine.location());
        }
        return mine;
    }

    static boolean isAdditive(String key, Attr a) {
        return a.value() != null && a.value().startsWith("+") && !key.startsWith("_") && !NOT_STRINGS.contains(key);
    }
}
