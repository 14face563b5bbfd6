package org.vigil.livestatus.table;

import java.util.ArrayList;
import java.util.List;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.QueryContext;

/**
 * {@code hostsbygroup}, {@code servicesbygroup} and {@code servicesbyhostgroup}: one row per object and group it
 * is in (an object in two groups is two rows), with the group's columns under {@code hostgroup_} or
 * {@code servicegroup_}. AuthUser limits the objects, not the groups, as in Livestatus.
 */
final class ByGroupTables {

    /** A host in one of its host groups. */
    record HostInGroup(HostRow host, GroupRow group) {
    }

    /** A service in one of its groups (a service group, or a host group of its host). */
    record ServiceInGroup(ServiceRow service, GroupRow group) {
    }

    private final LiveTables tables;

    ByGroupTables(LiveTables tables) {
        this.tables = tables;
    }

    SimpleTable<HostInGroup> hostsByGroup(List<Column<HostRow>> hosts, List<Column<GroupRow>> groups) {
        Columns<HostInGroup> c = new Columns<>();
        c.prefixed("", hosts, HostInGroup::host).prefixed("hostgroup_", groups, HostInGroup::group);
        return new SimpleTable<>("hostsbygroup", c.build(), this::hostRows);
    }

    SimpleTable<ServiceInGroup> servicesByGroup(List<Column<ServiceRow>> services, List<Column<GroupRow>> groups) {
        Columns<ServiceInGroup> c = new Columns<>();
        c.prefixed("", services, ServiceInGroup::service).prefixed("servicegroup_", groups, ServiceInGroup::group);
        return new SimpleTable<>("servicesbygroup", c.build(), ctx -> serviceRows(ctx, false));
    }

    SimpleTable<ServiceInGroup> servicesByHostGroup(List<Column<ServiceRow>> services,
                                                    List<Column<GroupRow>> groups) {
        Columns<ServiceInGroup> c = new Columns<>();
        c.prefixed("", services, ServiceInGroup::service).prefixed("hostgroup_", groups, ServiceInGroup::group);
        return new SimpleTable<>("servicesbyhostgroup", c.build(), ctx -> serviceRows(ctx, true));
    }

    private List<HostInGroup> hostRows(QueryContext ctx) {
        Scope scope = tables.scope(ctx);
        List<HostInGroup> rows = new ArrayList<>();
        for (String name : scope.objects().hostGroups().keySet()) {
            GroupRow group = group(scope, name, true);
            for (int at : scope.snapshot().hostPositionsOfHostGroup(name)) {
                if (scope.visibility().host(at)) {
                    rows.add(new HostInGroup(scope.host(at), group));
                }
            }
        }
        return rows;
    }

    private List<ServiceInGroup> serviceRows(QueryContext ctx, boolean byHostGroup) {
        Scope scope = tables.scope(ctx);
        List<ServiceInGroup> rows = new ArrayList<>();
        for (String name : byHostGroup ? scope.objects().hostGroups().keySet()
                : scope.objects().serviceGroups().keySet()) {
            GroupRow group = group(scope, name, byHostGroup);
            int[] members = byHostGroup ? scope.snapshot().servicePositionsOfHostGroup(name)
                    : scope.snapshot().servicePositionsOfServiceGroup(name);
            for (int at : members) {
                if (scope.visibility().service(at)) {
                    rows.add(new ServiceInGroup(scope.service(at), group));
                }
            }
        }
        return rows;
    }

    /** The group as a row whatever the AuthUser may see of it (its counts still cover only what it sees). */
    private static GroupRow group(Scope scope, String name, boolean hostGroup) {
        if (hostGroup) {
            var g = scope.objects().hostGroups().get(name);
            return new GroupRow(scope, g.name(), g.alias(), g.links(), scope.snapshot().hostPositionsOfHostGroup(name),
                    scope.snapshot().servicePositionsOfHostGroup(name));
        }
        var g = scope.objects().serviceGroups().get(name);
        return new GroupRow(scope, g.name(), g.alias(), g.links(), new int[0],
                scope.snapshot().servicePositionsOfServiceGroup(name));
    }
}
