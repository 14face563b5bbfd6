package org.vigil.livestatus.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;

/**
 * A rough single-threaded figure for the query language alone (no socket, no real table): Thruk's
 * tactical-overview service stats query (124 Stats lines, 34 StatsAnd, over 14 columns), a 100-row sorted service
 * page and a filtered problems query (and the problems with every column, as Nagstamon asks), each parsed and answered 1,000 times over 100,000 synthetic services. Not a
 * test: run it with {@code java -cp ... org.vigil.livestatus.query.QueryBench} (see docs/api.md for the figures).
 */
public final class QueryBench {

    /** A service row with the fields the queries read, as primitives as a snapshot view holds them. */
    record Service(String host, String description, int state, int hostState, int hasBeenChecked, int checkType,
                   int downtimeDepth, int acknowledged, int activeChecks, int flapping, int flapDetection,
                   int notifications, int eventHandler, int passiveChecks, double latency, long lastCheck) {
    }

    private QueryBench() {
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        TableSet tables = Fixtures.tables(table(rows(services)));
        QueryContext ctx = Fixtures.context();
        String tactical = resource("/queries/thruk-tactical-services.txt");
        String page = "GET services\nColumns: host_name description state latency last_check\n"
                + "Sort: host_name asc\nSort: description asc\nLimit: 100\nOffset: 500\nOutputFormat: json\n";
        String problems = "GET services\nColumns: host_name description state last_check\nFilter: state != 0\n"
                + "Filter: acknowledged = 0\nFilter: scheduled_downtime_depth = 0\nFilter: host_state = 0\n"
                + "OutputFormat: json\n";
        System.out.println("services: " + services);
        System.out.println("tactical answer: " + new String(Queries.answer(Request.parse(tactical), tables, ctx),
                StandardCharsets.UTF_8).strip());
        measure("one Stats line", "GET services\nStats: state = 0\n", tables, ctx);
        measure("tactical overview stats", tactical, tables, ctx);
        measure("100-row sorted page", page, tables, ctx);
        measure("problems (filtered)", problems, tables, ctx);
        measure("problems, every column", "GET services\nFilter: state != 0\nOutputFormat: json\n", tables, ctx);
    }

    private static void measure(String name, String query, TableSet tables, QueryContext ctx) throws Exception {
        int runs = 1000;
        long[] nanos = new long[runs];
        long bytes = 0;
        for (int i = 0; i < 200; i++) {
            bytes = Queries.answer(Request.parse(query), tables, ctx).length;
        }
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            bytes = Queries.answer(Request.parse(query), tables, ctx).length;
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-26s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d bytes)%n", name,
                nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6, nanos[runs - 1] / 1e6, bytes);
    }

    static List<Service> rows(int count) {
        Random r = new Random(18);
        List<Service> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int state = r.nextInt(10) < 8 ? 0 : 1 + r.nextInt(3);
            rows.add(new Service("host" + (i / 20), "service" + (i % 20), state, r.nextInt(20) == 0 ? 1 : 0,
                    r.nextInt(50) == 0 ? 0 : 1, r.nextInt(10) == 0 ? 1 : 0, r.nextInt(30) == 0 ? 1 : 0,
                    state > 0 && r.nextBoolean() ? 1 : 0, r.nextInt(20) == 0 ? 0 : 1, r.nextInt(100) == 0 ? 1 : 0,
                    1, 1, 1, 1, r.nextDouble(), 1_700_000_000L + r.nextInt(3600)));
        }
        return rows;
    }

    static Table<Service> table(List<Service> rows) {
        List<Column<Service>> columns = List.of(
                new Column<>("host_name", ColumnType.STRING, "", Service::host),
                new Column<>("description", ColumnType.STRING, "", Service::description),
                integer("state", Service::state), integer("host_state", Service::hostState),
                integer("has_been_checked", Service::hasBeenChecked), integer("check_type", Service::checkType),
                integer("scheduled_downtime_depth", Service::downtimeDepth),
                integer("acknowledged", Service::acknowledged),
                integer("active_checks_enabled", Service::activeChecks), integer("is_flapping", Service::flapping),
                integer("flap_detection_enabled", Service::flapDetection),
                integer("notifications_enabled", Service::notifications),
                integer("event_handler_enabled", Service::eventHandler),
                integer("accept_passive_checks", Service::passiveChecks),
                new Column<>("latency", ColumnType.FLOAT, "", Service::latency),
                new Column<>("last_check", ColumnType.TIME, "", Service::lastCheck));
        return new Table<>() {
            @Override
            public String name() {
                return "services";
            }

            @Override
            public List<Column<Service>> columns() {
                return columns;
            }

            @Override
            public Iterable<Service> rows(QueryContext ctx) {
                return rows;
            }
        };
    }

    private static Column<Service> integer(String name, ToLongFunction<Service> read) {
        return Column.ofLong(name, ColumnType.INT, "", read);
    }

    static String resource(String path) throws IOException {
        try (InputStream in = QueryBench.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
