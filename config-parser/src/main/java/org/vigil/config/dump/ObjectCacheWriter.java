package org.vigil.config.dump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.Command;
import org.vigil.config.model.Contact;
import org.vigil.config.model.ContactGroup;
import org.vigil.config.model.Dependency;
import org.vigil.config.model.Escalation;
import org.vigil.config.model.FlapSettings;
import org.vigil.config.model.Host;
import org.vigil.config.model.HostGroup;
import org.vigil.config.model.Links;
import org.vigil.config.model.NotificationSettings;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Options;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceGroup;
import org.vigil.config.model.ServiceKey;
import org.vigil.config.model.Timeperiod;

/**
 * Writes the resolved objects in the layout of Nagios 4's objects cache ({@code precached_object_file}),
 * attribute for attribute, so that the two can be diffed.
 */
public final class ObjectCacheWriter {

    /** Order in which Nagios prints host option letters after the "ok" one. */
    private static final String HOST_ORDER = "dufsp";
    private static final String SERVICE_ORDER = "wucfsp";

    private final Appendable out;

    private ObjectCacheWriter(Appendable out) {
        this.out = out;
    }

    /** Writes every object of {@code model} to {@code out}. */
    public static void write(ObjectModel model, Appendable out) {
        try {
            new ObjectCacheWriter(out).all(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void all(ObjectModel m) throws IOException {
        out.append("########################################\n#       VIGIL OBJECT CACHE FILE\n#\n"
                + "# Resolved objects in the layout of Nagios 4's objects.cache\n"
                + "########################################\n\n");
        for (Timeperiod t : m.timeperiods().values()) {
            timeperiod(t);
        }
        for (Command c : m.commands().values()) {
            begin("command");
            kv("command_name", c.name());
            kv("command_line", c.line());
            end();
        }
        for (ContactGroup g : m.contactGroups().values()) {
            begin("contactgroup");
            kv("contactgroup_name", g.name());
            kv("alias", g.alias());
            list("members", g.members());
            end();
        }
        for (HostGroup g : m.hostGroups().values()) {
            begin("hostgroup");
            kv("hostgroup_name", g.name());
            kv("alias", g.alias());
            list("members", g.members());
            groupLinks(g.links());
            end();
        }
        for (ServiceGroup g : m.serviceGroups().values()) {
            serviceGroup(g);
        }
        for (Contact c : m.contacts().values()) {
            contact(c);
        }
        for (Host h : m.hosts().values()) {
            host(h);
        }
        for (Service s : m.services().values()) {
            service(s);
        }
        for (Dependency d : m.serviceDependencies()) {
            dependency(d);
        }
        for (Escalation e : m.serviceEscalations()) {
            escalation(e);
        }
        for (Dependency d : m.hostDependencies()) {
            dependency(d);
        }
        for (Escalation e : m.hostEscalations()) {
            escalation(e);
        }
    }

    private void timeperiod(Timeperiod t) throws IOException {
        begin("timeperiod");
        kv("timeperiod_name", t.name());
        kv("alias", t.alias());
        list("exclude", t.exclusions());
        if (t.rules() != null) {
            for (Map.Entry<String, String> line : t.rules().cacheLines()) {
                kv(line.getKey(), line.getValue());
            }
        }
        end();
    }

    private void serviceGroup(ServiceGroup g) throws IOException {
        begin("servicegroup");
        kv("servicegroup_name", g.name());
        kv("alias", g.alias());
        if (!g.members().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (ServiceKey k : g.members()) {
                sb.append(sb.length() == 0 ? "" : ",").append(k.hostName()).append(',').append(k.description());
            }
            kv("members", sb.toString());
        }
        groupLinks(g.links());
        end();
    }

    private void contact(Contact c) throws IOException {
        begin("contact");
        kv("contact_name", c.name());
        kv("alias", c.alias());
        kv("service_notification_period", c.service().period());
        kv("host_notification_period", c.host().period());
        kv("service_notification_options", options(c.service().options(), false, 'r'));
        kv("host_notification_options", options(c.host().options(), true, 'r'));
        list("service_notification_commands", c.service().commands());
        list("host_notification_commands", c.host().commands());
        kv("email", c.email());
        kv("pager", c.pager());
        for (int i = 0; i < c.addresses().size(); i++) {
            kv("address" + (i + 1), c.addresses().get(i));
        }
        kv("minimum_importance", Integer.toString(c.minimumImportance()));
        flag("host_notifications_enabled", c.host().enabled());
        flag("service_notifications_enabled", c.service().enabled());
        flag("can_submit_commands", c.canSubmitCommands());
        flag("retain_status_information", c.retention().statusInformation());
        flag("retain_nonstatus_information", c.retention().nonStatusInformation());
        customVariables(c.customVariables());
        end();
    }

    private void host(Host h) throws IOException {
        begin("host");
        kv("host_name", h.name());
        if (!h.displayName().equals(h.name())) {
            kv("display_name", h.displayName());
        }
        kv("alias", h.alias());
        kv("address", h.address());
        list("parents", h.parents());
        checkable(h.check(), h.notification(), h.importance());
        checkFlags(h.check(), h.flap(), h.notification(), true);
        kv("stalking_options", options(h.stalking(), true, 'u'));
        flag("process_perf_data", h.check().processPerfData());
        Links l = h.links();
        kv("icon_image", l.iconImage());
        kv("icon_image_alt", l.iconImageAlt());
        kv("vrml_image", l.vrmlImage());
        kv("statusmap_image", l.statusmapImage());
        kv("2d_coords", coords(l.coords2d(), false));
        kv("3d_coords", coords(l.coords3d(), true));
        trailer(l, h.retention(), h.customVariables());
    }

    private void service(Service s) throws IOException {
        begin("service");
        kv("host_name", s.hostName());
        kv("service_description", s.description());
        if (!s.displayName().equals(s.description())) {
            kv("display_name", s.displayName());
        }
        if (!s.parents().isEmpty()) {
            if (s.parents().size() == 1 && s.parents().get(0).hostName().equals(s.hostName())) {
                kv("parents", s.parents().get(0).description());
            } else {
                StringBuilder sb = new StringBuilder();
                for (ServiceKey k : s.parents()) {
                    sb.append(sb.length() == 0 ? "" : ",").append(k.hostName()).append(',').append(k.description());
                }
                kv("parents", sb.toString());
            }
        }
        checkable(s.check(), s.notification(), s.importance());
        flag("is_volatile", s.isVolatile());
        flag("parallelize_check", s.parallelize());
        checkFlags(s.check(), s.flap(), s.notification(), false);
        kv("stalking_options", options(s.stalking(), false, 'o'));
        flag("process_perf_data", s.check().processPerfData());
        Links l = s.links();
        kv("icon_image", l.iconImage());
        kv("icon_image_alt", l.iconImageAlt());
        trailer(l, s.retention(), s.customVariables());
    }

    /** The attributes hosts and services share, in Nagios's order, up to max_check_attempts. */
    private void checkable(CheckSettings c, NotificationSettings n, int importance) throws IOException {
        kv("check_period", c.checkPeriod());
        kv("check_command", c.checkCommand());
        kv("event_handler", c.eventHandler());
        list("contacts", n.contacts());
        list("contact_groups", n.contactGroups());
        kv("notification_period", n.period());
        kv("initial_state", String.valueOf(c.initialState()));
        kv("importance", Integer.toString(importance));
        checkNumbers(c);
    }

    /** The shared flags from active_checks_enabled to first_notification_delay. */
    private void checkFlags(CheckSettings c, FlapSettings f, NotificationSettings n, boolean host) throws IOException {
        flag("active_checks_enabled", c.activeChecksEnabled());
        flag("passive_checks_enabled", c.passiveChecksEnabled());
        flag("obsess", c.obsess());
        flag("event_handler_enabled", c.eventHandlerEnabled());
        flap(f, host);
        kv("freshness_threshold", Integer.toString(c.freshnessThreshold()));
        flag("check_freshness", c.checkFreshness());
        notification(n, host);
    }

    /** Notes, URLs, retention flags and custom variables, which end both host and service blocks. */
    private void trailer(Links l, org.vigil.config.model.Retention r, Map<String, String> vars) throws IOException {
        kv("notes", l.notes());
        kv("notes_url", l.notesUrl());
        kv("action_url", l.actionUrl());
        flag("retain_status_information", r.statusInformation());
        flag("retain_nonstatus_information", r.nonStatusInformation());
        customVariables(vars);
        end();
    }

    private void checkNumbers(CheckSettings c) throws IOException {
        kv("check_interval", decimal(c.checkInterval()));
        kv("retry_interval", decimal(c.retryInterval()));
        kv("max_check_attempts", Integer.toString(c.maxCheckAttempts()));
    }

    private void flap(FlapSettings f, boolean host) throws IOException {
        kv("low_flap_threshold", decimal(f.lowThreshold()));
        kv("high_flap_threshold", decimal(f.highThreshold()));
        flag("flap_detection_enabled", f.enabled());
        kv("flap_detection_options", options(f.options(), host, host ? 'u' : 'o'));
    }

    private void notification(NotificationSettings n, boolean host) throws IOException {
        kv("notification_options", options(n.options(), host, 'r'));
        flag("notifications_enabled", n.enabled());
        kv("notification_interval", decimal(n.interval()));
        kv("first_notification_delay", decimal(n.firstDelay()));
    }

    private void dependency(Dependency d) throws IOException {
        boolean service = d.isServiceDependency();
        begin(service ? "servicedependency" : "hostdependency");
        kv("host_name", d.hostName());
        kv("service_description", d.serviceDescription());
        kv("dependent_host_name", d.dependentHostName());
        kv("dependent_service_description", d.dependentServiceDescription());
        kv("dependency_period", d.period());
        flag("inherits_parent", d.inheritsParent());
        String kind = d.kind() == Dependency.Kind.NOTIFICATION ? "notification" : "execution";
        kv(kind + "_failure_options", options(d.failureOptions(), !service, 'o'));
        end();
    }

    private void escalation(Escalation e) throws IOException {
        boolean service = e.isServiceEscalation();
        begin(service ? "serviceescalation" : "hostescalation");
        kv("host_name", e.hostName());
        kv("service_description", e.serviceDescription());
        kv("first_notification", Integer.toString(e.firstNotification()));
        kv("last_notification", Integer.toString(e.lastNotification()));
        kv("notification_interval", decimal(e.notificationInterval()));
        kv("escalation_period", e.period());
        kv("escalation_options", options(e.options(), !service, 'r'));
        list("contacts", e.contacts());
        list("contact_groups", e.contactGroups());
        end();
    }

    private void groupLinks(Links l) throws IOException {
        kv("notes", l.notes());
        kv("notes_url", l.notesUrl());
        kv("action_url", l.actionUrl());
    }

    private void customVariables(Map<String, String> vars) throws IOException {
        for (Map.Entry<String, String> v : vars.entrySet()) {
            // Nagios's cache shows a custom variable without a value as 'null'
            kv("_" + v.getKey(), v.getValue().isEmpty() ? "null" : v.getValue());
        }
    }

    /**
     * Option letters as Nagios prints them: {@code a} for "all", {@code n} for none, else the "ok"
     * letter first (its meaning and letter depend on the attribute) and then the others in Nagios's order.
     */
    static String options(Options o, boolean host, char okChar) {
        if (o.has('a')) {
            return "a";
        }
        if (o.isEmpty()) {
            return "n";
        }
        StringBuilder sb = new StringBuilder();
        if (o.has('o') || o.has('r')) {
            sb.append(okChar);
        }
        for (char c : (host ? HOST_ORDER : SERVICE_ORDER).toCharArray()) {
            if (o.has(c)) {
                sb.append(sb.length() == 0 ? "" : ",").append(c);
            }
        }
        return sb.toString();
    }

    private static String coords(String raw, boolean decimals) {
        if (raw == null) {
            return null;
        }
        String[] parts = raw.split(",");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            double v;
            try {
                v = Double.parseDouble(p.strip());
            } catch (NumberFormatException e) {
                v = 0;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(decimals ? decimal(v) : Integer.toString((int) v));
        }
        return sb.toString();
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%f", v);
    }

    private void begin(String type) throws IOException {
        out.append("define ").append(type).append(" {\n");
    }

    private void end() throws IOException {
        out.append("\t}\n\n");
    }

    private void kv(String key, String value) throws IOException {
        if (value != null) {
            out.append('\t').append(key).append('\t').append(value).append('\n');
        }
    }

    private void flag(String key, boolean value) throws IOException {
        kv(key, value ? "1" : "0");
    }

    private void list(String key, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            kv(key, String.join(",", values));
        }
    }
}
