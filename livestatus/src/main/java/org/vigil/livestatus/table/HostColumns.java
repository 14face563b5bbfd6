package org.vigil.livestatus.table;

import java.util.List;
import org.vigil.livestatus.query.Column;

/** The columns of the {@code hosts} table, as Naemon's livestatus names and types them. */
final class HostColumns {

    private HostColumns() {
    }

    static List<Column<HostRow>> all() {
        Columns<HostRow> c = new Columns<>();
        c.integer("id", "The host's number: its position in name order (changes when hosts are added or removed)",
                        HostRow::position)
                .text("name", "Host name", HostRow::name)
                .text("display_name", "Optional display name", r -> r.view().displayName())
                .text("alias", "An alias name for the host", r -> r.view().alias())
                .text("address", "IP address", r -> r.view().address())
                .integer("initial_state", "Initial host state (0 up, 1 down, 2 unreachable)",
                        r -> r.check() == null ? 0 : initialState(r.check().initialState()))
                .text("statusmap_image", "The name of an image file for the status map",
                        r -> r.links().statusmapImage());
        CheckColumns.state(c);
        CheckColumns.handling(c, r -> null, "acknowledged or in downtime");
        CheckColumns.switches(c);
        c.flag("obsess_over_host", "Whether the OCHP command runs for this host (0/1)", r -> r.detail().obsess());
        CheckColumns.definition(c);
        CheckColumns.links(c);
        CheckColumns.customVariables(c);
        CheckColumns.entries(c);
        String[] states = {"up", "down", "unreachable"};
        for (int s = 0; s < states.length; s++) {
            int st = s;
            c.seconds("last_time_" + states[s], "The last time the host was " + states[s]
                    .toUpperCase(java.util.Locale.ROOT) + " (epoch seconds, 0 for never)",
                    r -> r.detail().lastTimeIn().of(st));
        }
        c.list("parents", "The parents of the host", r -> r.view().parents())
                .list("childs", "The hosts whose parent this host is", r -> r.scope().model().children(r.name()))
                .list("groups", "The host groups the host is a member of", r -> r.view().hostgroups())
                .integer("total_services", "The number of services on the host", r -> r.allServices().size())
                .list("services", "The descriptions of the services on the host",
                        r -> r.services().stream().map(s -> s.view().description()).toList())
                .list("services_with_state", "The services as [description, state, has_been_checked]",
                        r -> r.services().stream().map(s -> List.of(s.view().description(),
                                (long) s.status().stateCode(), s.detail().hasBeenChecked() ? 1L : 0L)).toList())
                .list("services_with_info", "The services as [description, state, has_been_checked, output]",
                        r -> r.services().stream().map(s -> List.of(s.view().description(),
                                (long) s.status().stateCode(), s.detail().hasBeenChecked() ? 1L : 0L,
                                s.status().output())).toList());
        ServiceCounts.add(c, HostRow::services);
        return c.build();
    }

    static int initialState(char letter) {
        return switch (letter) {
            case 'd' -> 1;
            case 'u' -> 2;
            default -> 0;
        };
    }

    /** Whether host state {@code a} is worse than {@code b}: DOWN, then UNREACHABLE, then UP. */
    static boolean worse(int a, int b) {
        return rank(a) > rank(b);
    }

    private static int rank(int state) {
        return state == 1 ? 2 : state == 2 ? 1 : 0;
    }
}
