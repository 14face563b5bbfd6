package org.vigil.livestatus.table;

import java.util.List;
import org.vigil.livestatus.query.Column;

/**
 * The columns of the {@code services} table, as Naemon's livestatus names and types them, with every host column
 * under {@code host_} (the service's host).
 */
final class ServiceColumns {

    private ServiceColumns() {
    }

    /** The service's own columns, without its host's (the comments and downtimes tables add these as service_). */
    static List<Column<ServiceRow>> own() {
        Columns<ServiceRow> c = new Columns<>();
        c.integer("id", "The service's number: its position in host and description order (changes when services "
                        + "are added or removed)", ServiceRow::position)
                .text("description", "Service description", r -> r.view().description())
                .text("display_name", "An optional display name", r -> r.view().displayName())
                .integer("initial_state", "Initial service state (0 ok, 1 warning, 2 critical, 3 unknown)",
                        r -> r.check() == null ? 0 : initialState(r.check().initialState()));
        CheckColumns.state(c);
        CheckColumns.handling(c, r -> r.host() == null ? null : r.host().status(), "acknowledged or in downtime, "
                + "or its host is DOWN or UNREACHABLE and acknowledged or in downtime");
        CheckColumns.switches(c);
        c.flag("obsess_over_service", "Whether the OCSP command runs for this service (0/1)",
                r -> r.detail().obsess());
        CheckColumns.definition(c);
        CheckColumns.links(c);
        CheckColumns.customVariables(c);
        CheckColumns.entries(c);
        String[] states = {"ok", "warning", "critical", "unknown"};
        for (int s = 0; s < states.length; s++) {
            int st = s;
            c.seconds("last_time_" + states[s], "The last time the service was " + states[s]
                    .toUpperCase(java.util.Locale.ROOT) + " (epoch seconds, 0 for never)",
                    r -> r.detail().lastTimeIn().of(st));
        }
        c.list("groups", "The service groups the service is a member of", r -> r.view().servicegroups());
        return c.build();
    }

    static List<Column<ServiceRow>> all(List<Column<HostRow>> hostColumns) {
        Columns<ServiceRow> c = new Columns<>();
        for (Column<ServiceRow> own : own()) {
            c.add(own);
        }
        c.prefixed("host_", hostColumns, ServiceRow::host);
        return c.build();
    }

    static int initialState(char letter) {
        return switch (letter) {
            case 'w' -> 1;
            case 'c' -> 2;
            case 'u' -> 3;
            default -> 0;
        };
    }
}
