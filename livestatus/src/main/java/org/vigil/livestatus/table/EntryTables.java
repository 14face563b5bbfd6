package org.vigil.livestatus.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.model.CommentView;
import org.vigil.model.DowntimeView;

/**
 * The {@code comments} and {@code downtimes} tables, with the columns of the object each is about under
 * {@code host_} and {@code service_} (empty for a host's; so {@code host_name} and {@code service_description} are
 * those columns, as in Livestatus). AuthUser sees the entries of the objects it sees.
 */
final class EntryTables {

    /** A comment of one request, with its host and (null for a host comment) its service. */
    record CommentRow(CommentView comment, HostRow host, ServiceRow service) {
    }

    /** A downtime of one request, with its host and (null for a host downtime) its service. */
    record DowntimeRow(DowntimeView downtime, HostRow host, ServiceRow service) {
    }

    private final LiveTables tables;

    EntryTables(LiveTables tables) {
        this.tables = tables;
    }

    SimpleTable<CommentRow> comments(List<Column<HostRow>> hostColumns, List<Column<ServiceRow>> serviceColumns) {
        Columns<CommentRow> c = new Columns<>();
        c.text("author", "The contact that entered the comment", r -> r.comment().author())
                .text("comment", "A comment text", r -> r.comment().text())
                .integer("id", "The id of the comment", r -> r.comment().id())
                .time("entry_time", "The time the entry was made (epoch seconds)", r -> r.comment().entryTime())
                .integer("type", "The type of the comment: 1 is host, 2 is service",
                        r -> r.comment().service() == null ? 1 : 2)
                .flag("is_service", "0 if this entry is for a host, 1 if it is for a service",
                        r -> r.comment().service() != null)
                .flag("persistent", "Whether this comment is persistent (0/1)", r -> r.comment().persistent())
                .integer("source", "The source of the comment (0 internal, 1 external: a user's or an "
                        + "acknowledgement's)", r -> source(r.comment()))
                .integer("entry_type", "The type of the comment: 1 user, 2 downtime, 3 flap, 4 acknowledgement",
                        r -> commentEntryType(r.comment()))
                .flag("expires", "Whether this comment expires", r -> r.comment().expires())
                .time("expire_time", "The time of expiry of this comment (epoch seconds)",
                        r -> r.comment().expireTime());
        c.prefixedOrEmpty("host_", hostColumns, CommentRow::host);
        c.prefixedOrEmpty("service_", serviceColumns, CommentRow::service);
        return new SimpleTable<>("comments", c.build(), this::commentRows, this::comment);
    }

    SimpleTable<DowntimeRow> downtimes(List<Column<HostRow>> hostColumns, List<Column<ServiceRow>> serviceColumns) {
        Columns<DowntimeRow> c = new Columns<>();
        c.text("author", "The contact that scheduled the downtime", r -> r.downtime().author())
                .text("comment", "A comment text", r -> r.downtime().comment())
                .integer("id", "The id of the downtime", r -> r.downtime().id())
                .time("entry_time", "The time the entry was made (epoch seconds)", r -> r.downtime().entryTime())
                .integer("type", "The type of the downtime: 0 if it is active, 1 if it is pending",
                        r -> r.downtime().inEffect() ? 0 : 1)
                .flag("is_service", "0 if this entry is for a host, 1 if it is for a service",
                        r -> r.downtime().service() != null)
                .time("start_time", "The start time of the downtime (epoch seconds)", r -> r.downtime().start())
                .time("end_time", "The end time of the downtime (epoch seconds)", r -> r.downtime().end())
                .flag("fixed", "1 if the downtime is fixed, 0 if it is flexible", r -> r.downtime().fixed())
                .integer("duration", "The duration of the downtime in seconds", r -> r.downtime().durationSeconds())
                .integer("triggered_by", "The id of the downtime this one was triggered by, 0 for none",
                        r -> r.downtime().triggeredBy());
        c.prefixedOrEmpty("host_", hostColumns, DowntimeRow::host);
        c.prefixedOrEmpty("service_", serviceColumns, DowntimeRow::service);
        return new SimpleTable<>("downtimes", c.build(), this::downtimeRows, this::downtime);
    }

    private List<CommentRow> commentRows(QueryContext ctx) {
        Scope scope = tables.scope(ctx);
        List<CommentRow> rows = new ArrayList<>();
        for (CommentView v : ctx.snapshot().comments()) {
            commentRow(scope, v).ifPresent(rows::add);
        }
        return rows;
    }

    private List<DowntimeRow> downtimeRows(QueryContext ctx) {
        Scope scope = tables.scope(ctx);
        List<DowntimeRow> rows = new ArrayList<>();
        for (DowntimeView v : ctx.snapshot().downtimes()) {
            downtimeRow(scope, v).ifPresent(rows::add);
        }
        return rows;
    }

    private Optional<CommentRow> comment(String id, QueryContext ctx) {
        Scope scope = tables.scope(ctx);
        return ctx.snapshot().comments().stream().filter(v -> Long.toString(v.id()).equals(id.strip())).findFirst()
                .flatMap(v -> commentRow(scope, v));
    }

    private Optional<DowntimeRow> downtime(String id, QueryContext ctx) {
        Scope scope = tables.scope(ctx);
        return ctx.snapshot().downtimes().stream().filter(v -> Long.toString(v.id()).equals(id.strip()))
                .findFirst().flatMap(v -> downtimeRow(scope, v));
    }

    private static Optional<CommentRow> commentRow(Scope scope, CommentView v) {
        HostRow host = scope.host(v.host());
        ServiceRow service = v.service() == null ? null : scope.service(v.host(), v.service());
        return visible(scope, host, service, v.service() != null) ? Optional.of(new CommentRow(v, host, service))
                : Optional.empty();
    }

    private static Optional<DowntimeRow> downtimeRow(Scope scope, DowntimeView v) {
        HostRow host = scope.host(v.host());
        ServiceRow service = v.service() == null ? null : scope.service(v.host(), v.service());
        return visible(scope, host, service, v.service() != null) ? Optional.of(new DowntimeRow(v, host, service))
                : Optional.empty();
    }

    /** An entry is seen by whoever sees its object (without AuthUser, everyone). */
    private static boolean visible(Scope scope, HostRow host, ServiceRow service, boolean isService) {
        if (scope.visibility().all()) {
            return host != null && (!isService || service != null);
        }
        if (isService) {
            return service != null && scope.visibility().service(service.position());
        }
        return host != null && scope.visibility().host(host.position());
    }

    static long commentEntryType(CommentView c) {
        return switch (c.type()) {
            case "DOWNTIME" -> 2;
            case "FLAPPING" -> 3;
            case "ACKNOWLEDGEMENT" -> 4;
            default -> 1;
        };
    }

    private static long source(CommentView c) {
        return c.type().equals("USER") || c.type().equals("ACKNOWLEDGEMENT") ? 1 : 0;
    }
}
