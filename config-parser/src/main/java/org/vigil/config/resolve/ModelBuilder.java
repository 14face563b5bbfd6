package org.vigil.config.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.Command;
import org.vigil.config.model.Contact;
import org.vigil.config.model.CustomVariables;
import org.vigil.config.model.ContactGroup;
import org.vigil.config.model.FlapSettings;
import org.vigil.config.model.Host;
import org.vigil.config.model.HostGroup;
import org.vigil.config.model.Links;
import org.vigil.config.model.NotificationSettings;
import org.vigil.config.model.Options;
import org.vigil.config.model.Retention;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;
import org.vigil.config.model.Timeperiod;
import org.vigil.config.timeperiod.TimeperiodSchedule;

/**
 * Stage 5: builds the typed, immutable objects from resolved definitions, filling in Nagios's defaults and
 * checking every value and every reference at the line that holds it.
 */
final class ModelBuilder {

    private final Registry registry;
    private final Diagnostics diags;
    private final References refs;
    /** One builder is one thread's (a chunk of a parallel stage, or the serial stages'). */
    private final ValueCache cache = new ValueCache();

    ModelBuilder(Registry registry, Diagnostics diags) {
        this.registry = registry;
        this.diags = diags;
        this.refs = new References(registry, diags);
    }

    References references() {
        return refs;
    }

    TreeMap<String, Command> commands() {
        TreeMap<String, Command> out = new TreeMap<>();
        for (Definition d : registry.all(ObjectType.COMMAND)) {
            String name = d.get("command_name");
            String line = d.get("command_line");
            if (line == null) {
                diags.error(d.location, "command '" + name + "' has no command_line (expected 'command_line"
                        + " /path/to/plugin ARGS')");
                continue;
            }
            out.put(name, new Command(name, line, d.location));
        }
        return out;
    }

    TreeMap<String, Timeperiod> timeperiods() {
        TreeMap<String, Timeperiod> out = new TreeMap<>();
        Map<String, TimeperiodSchedule.Definition> forCheck = new LinkedHashMap<>();
        for (Definition d : registry.all(ObjectType.TIMEPERIOD)) {
            String name = d.get("timeperiod_name");
            List<String> excluded = Registry.split(d.get("exclude"));
            out.put(name, new Timeperiod(name, d.get("alias") == null ? name : d.get("alias"), d.rules, excluded,
                    d.location));
            forCheck.put(name, new TimeperiodSchedule.Definition(d.rules, excluded, d.where("exclude")));
        }
        // compiling once reports unknown and circular exclusions at the 'exclude' line; the zone is irrelevant
        TimeperiodSchedule.compile(forCheck, java.time.ZoneOffset.UTC, diags);
        return out;
    }

    TreeMap<String, Contact> contacts() {
        TreeMap<String, Contact> out = new TreeMap<>();
        for (Definition d : registry.all(ObjectType.CONTACT)) {
            Values v = new Values(d, diags);
            String name = d.get("contact_name");
            List<String> addresses = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                addresses.add(d.get("address" + i));
            }
            Contact c = new Contact(name, v.str("alias", name), v.str("email"), v.str("pager"), addresses,
                    contactNotifications(d, v, "host", Values.HOST_NOTIFY),
                    contactNotifications(d, v, "service", Values.SERVICE_NOTIFY),
                    v.bool("can_submit_commands", true), retention(v), v.integer("minimum_importance", 0),
                    customVariables(d), d.location);
            out.put(name, c);
        }
        return out;
    }

    private Contact.ContactNotifications contactNotifications(Definition d, Values v, String kind, String letters) {
        String period = refs.timeperiod(d.get(kind + "_notification_period"), d.where(kind + "_notification_period"));
        List<String> commands = Registry.split(d.get(kind + "_notification_commands"));
        String name = d.get("contact_name");
        // as in Nagios's pre-flight check: no commands is an error, no period a warning
        if (commands.isEmpty()) {
            diags.error(d.location, "contact '" + name + "' has no " + kind + "_notification_commands (expected"
                    + " '" + kind + "_notification_commands COMMAND[,COMMAND...]' here or in a template)");
        }
        if (period == null) {
            diags.warning(d.location, "contact '" + name + "' has no " + kind + "_notification_period (it can be"
                    + " notified at any time)");
        }
        for (String c : commands) {
            refs.command(c, d.where(kind + "_notification_commands"));
        }
        return new Contact.ContactNotifications(period, commands,
                v.options(kind + "_notification_options", letters, Options.NONE),
                v.bool(kind + "_notifications_enabled", true));
    }

    TreeMap<String, ContactGroup> contactGroups(GroupExpander members) {
        TreeMap<String, ContactGroup> out = new TreeMap<>();
        for (Definition d : registry.all(ObjectType.CONTACTGROUP)) {
            String name = d.get("contactgroup_name");
            out.put(name, new ContactGroup(name, d.get("alias") == null ? name : d.get("alias"),
                    List.copyOf(members.members(name)), d.location));
        }
        return out;
    }

    TreeMap<String, HostGroup> hostGroups(GroupExpander members) {
        TreeMap<String, HostGroup> out = new TreeMap<>();
        for (Definition d : registry.all(ObjectType.HOSTGROUP)) {
            String name = d.get("hostgroup_name");
            out.put(name, new HostGroup(name, d.get("alias") == null ? name : d.get("alias"),
                    List.copyOf(members.members(name)), links(d), d.location));
        }
        return out;
    }

    Host host(Definition d, List<String> groups) {
        Values v = new Values(d, diags, cache);
        String name = d.get("host_name");
        List<String> parents = Registry.split(d.get("parents"));
        for (String p : parents) {
            if (p.equals(name)) {
                diags.error(d.where("parents"), "host '" + name + "' is its own parent (expected other hosts)");
            } else if (registry.find(ObjectType.HOST, p) == null) {
                registry.unknown(ObjectType.HOST, p, d.where("parents"), diags);
            }
        }
        CheckSettings check = check(d, v, "host", Values.HOST_STATES);
        if (!d.has("max_check_attempts")) {
            diags.error(d.location, "host '" + name + "' has no max_check_attempts (expected"
                    + " 'max_check_attempts N' here or in a template)");
        }
        NotificationSettings notification = notification(d, v, Values.HOST_NOTIFY);
        if (notification.contacts().isEmpty() && notification.contactGroups().isEmpty()) {
            diags.warning(d.location, "host '" + name + "' has no contacts or contact groups: nobody will be notified");
        }
        return new Host(name, v.str("display_name", name), v.str("alias", name), v.str("address", name), parents,
                groups, check, flap(v, Values.HOST_STATES), notification,
                v.options("stalking_options", Values.HOST_STATES, Options.NONE), links(d), retention(v),
                v.integer("importance", 0), customVariables(d), d.location);
    }

    Service service(ServiceKey key, Definition d, List<String> groups) {
        Values v = new Values(d, diags, cache);
        CheckSettings check = check(d, v, "service", Values.SERVICE_STATES);
        if (check.checkCommand() == null) {
            diags.error(d.location, "service '" + key.description() + "' on host '" + key.hostName()
                    + "' has no check_command (expected 'check_command NAME[!ARG...]' here or in a template)");
        }
        if (!d.has("max_check_attempts")) {
            diags.error(d.location, "service '" + key.description() + "' on host '" + key.hostName()
                    + "' has no max_check_attempts (expected 'max_check_attempts N' here or in a template)");
        }
        NotificationSettings notification = notification(d, v, Values.SERVICE_NOTIFY);
        // the warnings 'nagios -v' gives, so that counts and habits carry over
        if (notification.contacts().isEmpty() && notification.contactGroups().isEmpty()) {
            diags.warning(d.location, which(key) + " has no contacts or contact groups: nobody will be notified");
        }
        if (check.checkPeriod() == null) {
            diags.warning(d.location, which(key) + " has no check_period (it will be checked at any time)");
        }
        if (notification.period() == null) {
            diags.warning(d.location, which(key) + " has no notification_period (notifications at any time)");
        }
        List<ServiceKey> parents = serviceParents(key, d);
        return new Service(key, v.str("display_name", key.description()), parents, groups, check,
                v.bool("is_volatile", false), v.bool("parallelize_check", true), flap(v, Values.SERVICE_STATES),
                notification,
                v.options("stalking_options", Values.SERVICE_STATES, Options.NONE), links(d), retention(v),
                v.integer("importance", 0), customVariables(d), d.location);
    }

    private static String which(ServiceKey key) {
        return "service '" + key.description() + "' on host '" + key.hostName() + "'";
    }

    private static String value(Attr a) {
        return a == null ? null : a.value();
    }

    /** Where {@link Definition#where} points for an attribute already looked up. */
    private static org.vigil.config.diag.SourceLocation where(Definition d, Attr a) {
        return a == null ? d.location : a.location();
    }

    /** Service parents: {@code svc} on the same host, or {@code host,svc} pairs. */
    private List<ServiceKey> serviceParents(ServiceKey self, Definition d) {
        List<String> items = Registry.split(d.get("parents"));
        if (items.isEmpty()) {
            return List.of();
        }
        List<ServiceKey> out = new ArrayList<>();
        if (items.size() == 1) {
            out.add(new ServiceKey(self.hostName(), items.get(0)));
        } else if (items.size() % 2 == 0) {
            for (int i = 0; i < items.size(); i += 2) {
                out.add(new ServiceKey(items.get(i), items.get(i + 1)));
            }
        } else if (!items.isEmpty()) {
            diags.error(d.where("parents"), "service parents '" + d.get("parents") + "' are not valid (expected"
                    + " one service of the same host, or host,service pairs)");
        }
        return out;
    }

    private CheckSettings check(Definition d, Values v, String kind, String states) {
        // each attribute looked up once for its value and its line (verify does this for every service)
        Attr commandAttr = d.attr("check_command");
        String command = value(commandAttr);
        if (command != null) {
            refs.command(command, commandAttr.location());
        }
        Attr handlerAttr = d.attr("event_handler");
        String handler = value(handlerAttr);
        if (handler != null) {
            refs.command(handler, handlerAttr.location());
        }
        Attr period = d.attr("check_period");
        int attempts = v.integer("max_check_attempts", 1);
        if (d.has("max_check_attempts") && attempts < 1) {
            diags.error(d.where("max_check_attempts"), "max_check_attempts '" + d.get("max_check_attempts")
                    + "' is not valid (expected a whole number of 1 or more)");
        }
        return new CheckSettings(command, refs.timeperiod(value(period), where(d, period)),
                v.state("initial_state", states), attempts, v.interval("check_interval", 5.0, true),
                v.interval("retry_interval", 1.0, false), v.bool("active_checks_enabled", true),
                v.bool("passive_checks_enabled", true), v.bool("obsess", true), v.bool("check_freshness", false),
                v.integer("freshness_threshold", 0, 0), handler, v.bool("event_handler_enabled", true),
                v.bool("process_perf_data", true));
    }

    private FlapSettings flap(Values v, String states) {
        return new FlapSettings(v.bool("flap_detection_enabled", true), v.percent("low_flap_threshold"),
                v.percent("high_flap_threshold"), v.options("flap_detection_options", states, Values.all(states)));
    }

    private NotificationSettings notification(Definition d, Values v, String letters) {
        Attr contactsAttr = d.attr("contacts");
        List<String> contacts = Registry.split(value(contactsAttr));
        for (int i = 0; i < contacts.size(); i++) { // indexed: no iterator per service under the client compiler
            refs.contact(contacts.get(i), where(d, contactsAttr));
        }
        Attr groupsAttr = d.attr("contact_groups");
        List<String> groups = Registry.split(value(groupsAttr));
        for (int i = 0; i < groups.size(); i++) {
            refs.contactGroup(groups.get(i), where(d, groupsAttr));
        }
        Attr period = d.attr("notification_period");
        return new NotificationSettings(contacts, groups, refs.timeperiod(value(period), where(d, period)),
                v.options("notification_options", letters, Values.all(letters)), v.bool("notifications_enabled", true),
                v.interval("notification_interval", 30, true), v.interval("first_notification_delay", 0, true));
    }

    private static Retention retention(Values v) {
        return new Retention(v.bool("retain_status_information", true), v.bool("retain_nonstatus_information", true));
    }

    private static Links links(Definition d) {
        return new Links(d.get("notes"), d.get("notes_url"), d.get("action_url"), d.get("icon_image"),
                d.get("icon_image_alt"), d.get("vrml_image"), d.get("statusmap_image"), d.get("2d_coords"),
                d.get("3d_coords"));
    }

    static Map<String, String> customVariables(Definition d) {
        Definition template = d.soleSourceOfCustomVariables();
        if (template != null) {
            // the same for every object that uses this template alone and sets none of its own: made once, shared
            Map<String, String> shared = template.inheritedCustomVariables;
            if (shared == null) {
                shared = CustomVariables.copyOf(customVariables(d, template.customKeysAsInherited()));
                template.inheritedCustomVariables = shared;
            }
            return shared;
        }
        return customVariables(d, d.customKeys());
    }

    private static Map<String, String> customVariables(Definition d, java.util.Set<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String key : keys) {
            String value = d.get(key);
            vars.put(key.substring(1), value == null ? "" : value);
        }
        return vars;
    }
}
