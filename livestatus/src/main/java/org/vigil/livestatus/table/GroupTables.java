package org.vigil.livestatus.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.config.model.HostGroup;
import org.vigil.config.model.ServiceGroup;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.QueryContext;

/** The {@code hostgroups} and {@code servicegroups} tables: each group with its members and their states. */
final class GroupTables {

    private final LiveTables tables;

    GroupTables(LiveTables tables) {
        this.tables = tables;
    }

    SimpleTable<GroupRow> hostGroups() {
        return new SimpleTable<>("hostgroups", hostGroupColumns(), this::hostGroupRows,
                (name, ctx) -> hostGroup(tables.scope(ctx), name));
    }

    SimpleTable<GroupRow> serviceGroups() {
        return new SimpleTable<>("servicegroups", serviceGroupColumns(), this::serviceGroupRows,
                (name, ctx) -> serviceGroup(tables.scope(ctx), name));
    }

    List<GroupRow> hostGroupRows(QueryContext ctx) {
        Scope scope = tables.scope(ctx);
        List<GroupRow> rows = new ArrayList<>();
        for (String name : scope.objects().hostGroups().keySet()) {
            hostGroup(scope, name).ifPresent(rows::add);
        }
        return rows;
    }

    List<GroupRow> serviceGroupRows(QueryContext ctx) {
        Scope scope = tables.scope(ctx);
        List<GroupRow> rows = new ArrayList<>();
        for (String name : scope.objects().serviceGroups().keySet()) {
            serviceGroup(scope, name).ifPresent(rows::add);
        }
        return rows;
    }

    static Optional<GroupRow> hostGroup(Scope scope, String name) {
        HostGroup g = scope.objects().hostGroups().get(name);
        if (g == null) {
            return Optional.empty();
        }
        GroupRow row = new GroupRow(scope, g.name(), g.alias(), g.links(),
                scope.snapshot().hostPositionsOfHostGroup(name), scope.snapshot().servicePositionsOfHostGroup(name));
        return row.visible() ? Optional.of(row) : Optional.empty();
    }

    static Optional<GroupRow> serviceGroup(Scope scope, String name) {
        ServiceGroup g = scope.objects().serviceGroups().get(name);
        if (g == null) {
            return Optional.empty();
        }
        GroupRow row = new GroupRow(scope, g.name(), g.alias(), g.links(), new int[0],
                scope.snapshot().servicePositionsOfServiceGroup(name));
        return row.visible() ? Optional.of(row) : Optional.empty();
    }

    static List<Column<GroupRow>> hostGroupColumns() {
        Columns<GroupRow> c = common();
        c.list("members", "The host names of the members", r -> r.hosts().stream().map(HostRow::name).toList())
                .list("members_with_state", "The members as [name, state, has_been_checked]",
                        r -> r.hosts().stream().map(h -> List.of(h.name(), (long) h.status().stateCode(),
                                h.detail().hasBeenChecked() ? 1L : 0L)).toList())
                .integer("worst_host_state", "The worst state of the members (0 up, 2 unreachable, 1 down)",
                        GroupTables::worstHostState)
                .integer("num_hosts", "The number of member hosts", r -> r.hosts().size())
                .integer("num_hosts_pending", "The number of member hosts not checked yet",
                        r -> r.hosts().stream().filter(h -> !h.detail().hasBeenChecked()).count());
        String[] states = {"up", "down", "unreach"};
        for (int s = 0; s < states.length; s++) {
            int st = s;
            c.integer("num_hosts_" + states[s], "The number of checked member hosts in state " + states[s],
                    r -> r.hosts().stream().filter(h -> h.detail().hasBeenChecked()
                            && h.status().stateCode() == st).count());
        }
        ServiceCounts.add(c, GroupRow::services);
        return c.build();
    }

    static List<Column<GroupRow>> serviceGroupColumns() {
        Columns<GroupRow> c = common();
        c.list("members", "The members as [host, description]", r -> r.services().stream()
                        .map(s -> List.of(s.view().host(), s.view().description())).toList())
                .list("members_with_state", "The members as [host, description, state, has_been_checked]",
                        r -> r.services().stream().map(s -> List.of(s.view().host(), s.view().description(),
                                (long) s.status().stateCode(), s.detail().hasBeenChecked() ? 1L : 0L)).toList());
        ServiceCounts.add(c, GroupRow::services);
        return c.build();
    }

    private static Columns<GroupRow> common() {
        Columns<GroupRow> c = new Columns<>();
        c.text("name", "The name of the group", GroupRow::name)
                .text("alias", "An alias of the group", GroupRow::alias)
                .text("notes", "Optional notes", r -> r.links().notes())
                .text("notes_url", "An optional URL with further information", r -> r.links().notesUrl())
                .text("action_url", "An optional URL to custom actions or information", r -> r.links().actionUrl());
        return c;
    }

    private static long worstHostState(GroupRow r) {
        int worst = 0;
        for (HostRow h : r.hosts()) {
            int st = h.status().stateCode();
            if (HostColumns.worse(st, worst)) {
                worst = st;
            }
        }
        return worst;
    }
}
