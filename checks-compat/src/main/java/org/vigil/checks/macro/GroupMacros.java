package org.vigil.checks.macro;

import java.util.ArrayList;
import java.util.List;
import org.vigil.config.model.ContactGroup;
import org.vigil.config.model.Host;
import org.vigil.config.model.HostGroup;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceGroup;
import org.vigil.config.model.ServiceKey;

/**
 * Host group, service group and contact group macros. Without an argument they describe the first group of the
 * current host, service or contact; with none, Nagios reports an error and the macro text is kept.
 */
final class GroupMacros {

    private final ObjectLookup objects;
    private final MacroValues.Nested nested;

    GroupMacros(ObjectLookup objects, MacroValues.Nested nested) {
        this.objects = objects;
        this.nested = nested;
    }

    String hostGroup(MacroContext ctx, MacroToken t) {
        HostGroup g;
        if (t.arg1() != null) {
            g = objects.model().hostGroups().get(t.arg1());
        } else {
            Host h = objects.host(ctx.hostName());
            g = h == null || h.hostgroups().isEmpty() ? null
                    : objects.model().hostGroups().get(ObjectLookup.primary(h.hostgroups()));
        }
        if (g == null) {
            return null;
        }
        return switch (t.name()) {
            case "HOSTGROUPNAME" -> g.name();
            case "HOSTGROUPALIAS" -> g.alias() != null ? g.alias() : g.name();
            case "HOSTGROUPMEMBERS" -> String.join(",", g.members());
            case "HOSTGROUPMEMBERADDRESSES" -> memberAddresses(g);
            case "HOSTGROUPNOTES" -> text(ctx, g.links() == null ? null : g.links().notes(), false);
            case "HOSTGROUPNOTESURL" -> text(ctx, g.links() == null ? null : g.links().notesUrl(), true);
            case "HOSTGROUPACTIONURL" -> text(ctx, g.links() == null ? null : g.links().actionUrl(), true);
            default -> "";
        };
    }

    private String memberAddresses(HostGroup g) {
        List<String> out = new ArrayList<>();
        for (String m : g.members()) {
            Host h = objects.host(m);
            if (h != null) {
                out.add(h.address() != null ? h.address() : h.name());
            }
        }
        return String.join(",", out);
    }

    String serviceGroup(MacroContext ctx, MacroToken t) {
        ServiceGroup g;
        if (t.arg1() != null) {
            g = objects.model().serviceGroups().get(t.arg1());
        } else {
            Service s = ctx.service() == null ? null : objects.model().services().get(ctx.service());
            g = s == null || s.servicegroups().isEmpty() ? null
                    : objects.model().serviceGroups().get(ObjectLookup.primary(s.servicegroups()));
        }
        if (g == null) {
            return null;
        }
        return switch (t.name()) {
            case "SERVICEGROUPNAME" -> g.name();
            case "SERVICEGROUPALIAS" -> g.alias() != null ? g.alias() : g.name();
            case "SERVICEGROUPMEMBERS" -> serviceMembers(g.members());
            case "SERVICEGROUPNOTES" -> text(ctx, g.links() == null ? null : g.links().notes(), false);
            case "SERVICEGROUPNOTESURL" -> text(ctx, g.links() == null ? null : g.links().notesUrl(), true);
            case "SERVICEGROUPACTIONURL" -> text(ctx, g.links() == null ? null : g.links().actionUrl(), true);
            default -> "";
        };
    }

    /** Nagios lists service group members as {@code host,service,host,service}. */
    private static String serviceMembers(List<ServiceKey> members) {
        StringBuilder sb = new StringBuilder();
        for (ServiceKey k : members) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(k.hostName()).append(',').append(k.description());
        }
        return sb.toString();
    }

    String contactGroup(MacroContext ctx, MacroToken t) {
        ContactGroup g;
        if (t.arg1() != null) {
            g = objects.model().contactGroups().get(t.arg1());
        } else {
            List<String> mine = ctx.contactName() == null ? List.of() : objects.contactGroupsOf(ctx.contactName());
            g = mine.isEmpty() ? null : objects.model().contactGroups().get(ObjectLookup.primary(mine));
        }
        if (g == null) {
            return null;
        }
        return switch (t.name()) {
            case "CONTACTGROUPNAME" -> g.name();
            case "CONTACTGROUPALIAS" -> g.alias() != null ? g.alias() : g.name();
            case "CONTACTGROUPMEMBERS" -> String.join(",", g.members());
            default -> "";
        };
    }

    private String text(MacroContext ctx, String value, boolean url) {
        return value == null ? "" : nested.expand(ctx, value, url);
    }
}
