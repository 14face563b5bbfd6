package org.vigil.livestatus.table;

import java.util.ArrayList;
import java.util.List;
import org.vigil.livestatus.query.Column;
import org.vigil.livestatus.query.QueryContext;

/**
 * The {@code statehist} table: how long each host and service was in each state, from the log
 * ({@link StateHistory}), with Naemon's columns: per period its state and conditions, its duration and its part of
 * the time frame, and the same split by state ({@code duration_ok}, ... {@code duration_part_unmonitored}; for hosts
 * UP counts as ok, DOWN as warning, UNREACHABLE as critical, by their numbers, as in Naemon).
 */
final class StateHistTable {

    /** One period of one request. */
    record HistRow(Scope scope, StateHistory.Period period) {

        HostRow host() {
            return scope.host(period.hostName());
        }

        ServiceRow service() {
            return period.serviceDescription().isEmpty() ? null
                    : scope.service(period.hostName(), period.serviceDescription());
        }
    }

    private static final String[] STATES = {"ok", "warning", "critical", "unknown"};

    private final LiveTables tables;
    private final LogFiles files;

    StateHistTable(LiveTables tables, LogFiles files) {
        this.tables = tables;
        this.files = files;
    }

    SimpleTable<HistRow> table(List<Column<HostRow>> hostColumns, List<Column<ServiceRow>> serviceColumns) {
        Columns<HistRow> c = new Columns<>();
        c.seconds("time", "Time of the log event that started the period (epoch seconds)", r -> r.period().time())
                .integer("lineno", "The number of that line in its log file", r -> r.period().lineno())
                .seconds("from", "Start time of the state (epoch seconds)", r -> r.period().from())
                .seconds("until", "End time of the state (epoch seconds)", r -> r.period().until())
                .integer("duration", "Duration of the state (until - from)", r -> r.period().duration())
                .number("duration_part", "Duration part in regard to the query timeframe", r -> r.period().part())
                .integer("state", "The state: OK(0) / WARNING(1) / CRITICAL(2) / UNKNOWN(3) / UNMONITORED(-1)",
                        r -> r.period().condition().state())
                .flag("host_down", "Whether the host of this service is down", r -> r.period().condition().hostDown())
                .flag("in_downtime", "Whether the host or service is in downtime",
                        r -> r.period().condition().inDowntime())
                .flag("in_host_downtime", "Whether the host of this service is in downtime",
                        r -> r.period().condition().inHostDowntime())
                .flag("is_flapping", "Whether the host or service is flapping", r -> r.period().condition().flapping())
                .flag("in_notification_period", "Whether the host or service is within its notification period",
                        r -> r.period().condition().inNotificationPeriod())
                .text("notification_period", "The notification period of the host or service",
                        r -> r.period().notificationPeriod())
                .text("host_name", "Host name", r -> r.period().hostName())
                .text("service_description", "Description of the service (empty for a host)",
                        r -> r.period().serviceDescription())
                .text("log_output", "Logfile output relevant for this state", r -> r.period().condition().output());
        for (int s = 0; s < STATES.length; s++) {
            int st = s;
            c.integer("duration_" + STATES[s], STATES[s] + " duration of the state (until - from)",
                    r -> r.period().condition().state() == st ? r.period().duration() : 0);
            c.number("duration_part_" + STATES[s], STATES[s] + " duration part in regard to the query timeframe",
                    r -> r.period().condition().state() == st ? r.period().part() : 0);
        }
        c.integer("duration_unmonitored", "Unmonitored duration of the state (until - from)",
                        r -> r.period().condition().state() < 0 ? r.period().duration() : 0)
                .number("duration_part_unmonitored", "Unmonitored duration part in regard to the query timeframe",
                        r -> r.period().condition().state() < 0 ? r.period().part() : 0);
        c.prefixedOrEmpty("current_host_", hostColumns, HistRow::host);
        c.prefixedOrEmpty("current_service_", serviceColumns, HistRow::service);
        return new SimpleTable<>("statehist", c.build(), this::rows);
    }

    private List<HistRow> rows(QueryContext ctx) {
        Scope scope = tables.scope(ctx);
        long until = ctx.snapshot().takenAt().getEpochSecond() + 1;
        List<HistRow> rows = new ArrayList<>();
        for (StateHistory.Period p : StateHistory.of(scope, files, until, ctx.timeRange())) {
            if (visible(scope, p)) {
                rows.add(new HistRow(scope, p));
            }
        }
        return rows;
    }

    private static boolean visible(Scope scope, StateHistory.Period p) {
        if (scope.visibility().all()) {
            return true;
        }
        if (!p.serviceDescription().isEmpty()) {
            ServiceRow s = scope.service(p.hostName(), p.serviceDescription());
            return s != null && scope.visibility().service(s.position());
        }
        HostRow h = scope.host(p.hostName());
        return h != null && scope.visibility().host(h.position());
    }
}
