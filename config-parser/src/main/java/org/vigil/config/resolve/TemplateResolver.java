package org.vigil.config.resolve;

import org.vigil.config.diag.Suggest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.graph.DepthFirst;
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

    /** The attributes xodtemplate_clean_additive_strings cleans. */
    private static final Set<String> STRIPPED = Set.of("members", "hostgroup_members", "servicegroup_members",
            "contactgroup_members", "contactgroups", "parents", "hostgroups", "contact_groups", "contacts",
            "host_name", "hostgroup_name", "servicegroups", "servicegroup_name", "service_description",
            "dependent_host_name", "dependent_hostgroup_name", "dependent_servicegroup_name",
            "dependent_service_description", "host_notification_commands", "service_notification_commands");

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
        // templates first (they may use each other in any order and in loops); then every other definition, which
        // no definition can use, so each only reads resolved templates: those run in parallel on a large config
        List<Definition> objects = new ArrayList<>(definitions.size());
        for (Definition d : definitions) {
            if (d.templateName != null) {
                resolve(d);
            } else {
                objects.add(d);
            }
        }
        ParallelChunks.run(objects.size(), diags, (from, to, found) -> {
            TemplateResolver chunk = new TemplateResolver(found, templates);
            for (int i = from; i < to; i++) {
                Definition d = objects.get(i);
                d.state = 1;
                chunk.namedTemplates(d);
                chunk.inherit(d);
            }
        });
    }

    private TemplateResolver(Diagnostics diags, Map<ObjectType, Map<String, Definition>> templates) {
        this.diags = diags;
        this.templates.putAll(templates);
    }

    /** Resolves {@code root} and the templates it leads to, deepest first, on an explicit stack. */
    private void resolve(Definition root) {
        DepthFirst.walk(root, this::enter, this::namedTemplates, this::inherit);
    }

    private boolean enter(Definition d) {
        if (d.state == 2) {
            return false;
        }
        if (d.state == 1) {
            diags.error(d.useLocation, "circular template use: " + d.type.keyword() + " template '" + d.templateName
                    + "' uses itself through 'use' (expected a chain of templates that ends)");
            return false;
        }
        d.state = 1;
        return true;
    }

    /** The templates {@code d} names that are defined, in {@code use} order; an undefined one is reported. */
    private List<Definition> namedTemplates(Definition d) {
        Map<String, Definition> byName = templates.getOrDefault(d.type, Map.of());
        List<Definition> found = new ArrayList<>(d.uses.size());
        for (String name : d.uses) {
            Definition t = byName.get(name);
            if (t == null) {
                String expected = name.strip().equals(name) ? "expected the 'name' of a " + d.type.keyword()
                        + " definition" : "Nagios does not trim blanks after a comma in 'use'";
                diags.error(d.useLocation, d.type.keyword() + " template '" + name + "' is not defined (" + expected
                        + Suggest.hint(name.strip(), byName.keySet()) + ")");
            } else {
                found.add(t);
            }
        }
        return found;
    }

    /** Called once every template {@code d} names is resolved (or found to be in a loop, and skipped). */
    private void inherit(Definition d) {
        Map<String, Definition> byName = templates.getOrDefault(d.type, Map.of());
        for (String name : d.uses) {
            Definition t = byName.get(name);
            if (t == null || t.state != 2) {
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
            d.customKeysAsInherited(); // now, while its templates' are known: no recursion down a long chain later
        }
        d.state = 2;
    }

    /**
     * The value of {@code key} for {@code d} after inheritance, as Nagios's xodtemplate computes it: the
     * templates are visited in {@code use} order; the first that has the attribute gives it when the
     * object has none, and as long as the value so far starts with {@code +}, every further template
     * that has a value is prepended to it (so {@code +} reaches across several templates).
     */
    static Attr inherited(Definition d, String key) {
        if (d.type == ObjectType.SERVICE && key.length() == 13 && key.equals("check_command")) {
            return checkCommand(d);
        }
        Attr acc = d.own.get(key);
        if (acc != null && !isAdditive(key, acc)) {
            return acc;
        }
        boolean have = acc != null;
        // indexed: verify runs on the client compiler, which has no escape analysis, and this runs for every
        // attribute of every service (9 million iterators at 100,000 services)
        List<Definition> templates = d.templates;
        for (int i = 0; i < templates.size(); i++) {
            Definition t = templates.get(i);
            Attr theirs = t.flat.get(key);
            if (theirs == null) {
                continue;
            }
            if (!have) {
                acc = theirs;
            } else if (theirs.value() != null && acc.value() != null && isAdditive(key, acc)) {
                acc = new Attr(theirs.value() + "," + acc.value().substring(1), acc.location());
            }
            have = true;
            if (acc.value() == null || !isAdditive(key, acc)) {
                break;
            }
        }
        return acc;
    }

    /**
     * A service's check command, as 4.4.6's {@code xodtemplate_resolve_service} inherits it: a template
     * that wrote its own check command as {@code !command} replaces the value so far (the service's own, or
     * an earlier template's); any other template fills it only when there is none. The mark is not
     * inherited: a template that merely inherits an important command passes it on as an ordinary one.
     */
    private static Attr checkCommand(Definition d) {
        Attr acc = d.own.get("check_command");
        List<Definition> templates = d.templates;
        for (int i = 0; i < templates.size(); i++) {
            Definition t = templates.get(i);
            Attr theirs = t.flat.get("check_command");
            if (theirs != null && (acc == null || t.importantCheckCommand)) {
                acc = theirs;
            }
        }
        return acc;
    }

    static boolean isAdditive(String key, Attr a) {
        // a look at one character first: this runs for every attribute looked up (millions at 100,000 services)
        String v = a.value();
        return v != null && !v.isEmpty() && v.charAt(0) == '+' && !key.startsWith("_") && !NOT_STRINGS.contains(key);
    }

    /**
     * Whether a {@code +} still leading the final value is removed: Nagios cleans only these list
     * attributes and leaves any other string as written (a pager of {@code +31...} stays so).
     */
    static boolean stripsAdditiveMark(String key) {
        return STRIPPED.contains(key);
    }
}
