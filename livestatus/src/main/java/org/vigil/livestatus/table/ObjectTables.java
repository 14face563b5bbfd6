package org.vigil.livestatus.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.config.model.Command;
import org.vigil.config.model.Contact;
import org.vigil.config.model.ContactGroup;
import org.vigil.config.model.Timeperiod;

/**
 * The configuration tables: {@code contacts}, {@code contactgroups}, {@code commands} and {@code timeperiods},
 * read from the resolved objects (AuthUser does not limit them, as in Livestatus).
 */
final class ObjectTables {

    /** A contact of one request; {@code id} is its position in name order. */
    record ContactRow(Scope scope, Contact contact, long id) {
    }

    /** A timeperiod of one request. */
    record PeriodRow(Scope scope, Timeperiod period) {
    }

    private final LiveTables tables;

    ObjectTables(LiveTables tables) {
        this.tables = tables;
    }

    SimpleTable<ContactRow> contacts() {
        Columns<ContactRow> c = new Columns<>();
        c.integer("id", "The contact's number: its position in name order", ContactRow::id)
                .text("name", "The login name of the contact person", r -> r.contact().name())
                .text("alias", "The full name of the contact", r -> r.contact().alias())
                .text("email", "The email address of the contact", r -> r.contact().email())
                .text("pager", "The pager address of the contact", r -> r.contact().pager())
                .text("host_notification_period", "The time period in which the contact is notified about hosts",
                        r -> r.contact().host().period())
                .text("service_notification_period", "The time period in which the contact is notified about "
                        + "services", r -> r.contact().service().period())
                .list("host_notification_commands", "The commands that notify the contact about hosts",
                        r -> r.contact().host().commands())
                .list("service_notification_commands", "The commands that notify the contact about services",
                        r -> r.contact().service().commands())
                .flag("can_submit_commands", "Whether the contact may submit commands (0/1)",
                        r -> r.contact().canSubmitCommands())
                .flag("host_notifications_enabled", "Whether the contact is notified about hosts (0/1), as "
                        + "configured", r -> r.contact().host().enabled())
                .flag("service_notifications_enabled", "Whether the contact is notified about services (0/1), as "
                        + "configured", r -> r.contact().service().enabled())
                .flag("in_host_notification_period", "Whether the host notification period is active now (0/1)",
                        r -> r.scope().inPeriod(r.contact().host().period()))
                .flag("in_service_notification_period", "Whether the service notification period is active now "
                        + "(0/1)", r -> r.scope().inPeriod(r.contact().service().period()))
                .list("groups", "The contact groups the contact is a member of",
                        r -> r.scope().model().contactGroupsOf(r.contact().name()))
                .list("custom_variable_names", "The names of the custom variables (upper case, without '_')",
                        r -> new ArrayList<>(custom(r).keySet()))
                .list("custom_variable_values", "The values of the custom variables, in the names' order",
                        r -> new ArrayList<>(custom(r).values()))
                .dict("custom_variables", "The custom variables, name to value", ObjectTables::custom)
                .integer("modified_attributes", "Modified attributes bitmask: always 0 in Vigil", r -> 0)
                .list("modified_attributes_list", "Modified attributes by name: always empty in Vigil",
                        r -> List.of());
        for (int i = 1; i <= 6; i++) {
            int at = i - 1;
            c.text("address" + i, "The additional field address" + i,
                    r -> at < r.contact().addresses().size() ? r.contact().addresses().get(at) : "");
        }
        return new SimpleTable<>("contacts", c.build(), ctx -> {
            Scope scope = tables.scope(ctx);
            List<ContactRow> rows = new ArrayList<>();
            for (Contact x : scope.objects().contacts().values()) {
                rows.add(new ContactRow(scope, x, rows.size()));
            }
            return rows;
        }, (name, ctx) -> {
            Scope scope = tables.scope(ctx);
            List<String> names = List.copyOf(scope.objects().contacts().keySet());
            int at = names.indexOf(name);
            return at < 0 ? Optional.empty()
                    : Optional.of(new ContactRow(scope, scope.objects().contacts().get(name), at));
        });
    }

    SimpleTable<ContactGroup> contactGroups() {
        Columns<ContactGroup> c = new Columns<>();
        c.text("name", "The name of the contact group", ContactGroup::name)
                .text("alias", "The alias of the contact group", ContactGroup::alias)
                .list("members", "The members of the contact group", ContactGroup::members);
        return new SimpleTable<>("contactgroups", c.build(),
                ctx -> List.copyOf(ctx.snapshot().model().contactGroups().values()),
                (name, ctx) -> Optional.ofNullable(ctx.snapshot().model().contactGroups().get(name)));
    }

    SimpleTable<Command> commands() {
        Columns<Command> c = new Columns<>();
        c.text("name", "The name of the command", Command::name)
                .text("line", "The shell command line", Command::line);
        return new SimpleTable<>("commands", c.build(), ctx -> List.copyOf(ctx.snapshot().model().commands().values()),
                (name, ctx) -> Optional.ofNullable(ctx.snapshot().model().commands().get(name)));
    }

    SimpleTable<PeriodRow> timeperiods() {
        Columns<PeriodRow> c = new Columns<>();
        c.text("name", "The name of the timeperiod", r -> r.period().name())
                .text("alias", "The alias of the timeperiod", r -> r.period().alias())
                .flag("in", "Whether we are currently in this period (0/1)",
                        r -> r.scope().inPeriod(r.period().name()))
                .list("exclusions", "The timeperiods this one excludes", r -> r.period().exclusions());
        return new SimpleTable<>("timeperiods", c.build(), ctx -> {
            Scope scope = tables.scope(ctx);
            return scope.objects().timeperiods().values().stream().map(x -> new PeriodRow(scope, x)).toList();
        }, (name, ctx) -> Optional.ofNullable(ctx.snapshot().model().timeperiods().get(name))
                .map(x -> new PeriodRow(tables.scope(ctx), x)));
    }

    private static java.util.Map<String, String> custom(ContactRow r) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        r.contact().customVariables().forEach((k, v) -> out.put(k.toUpperCase(java.util.Locale.ROOT), v));
        return out;
    }
}
