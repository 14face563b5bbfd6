package org.vigil.livestatus.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers a GET with {@code Stats:} in one pass over the rows: each row the filters accept is counted into its
 * group (the values of the {@code Columns:} given with the stats; one group for all rows when there are none),
 * every stats column updating primitive figures. Without group columns the answer is one row, even for no rows
 * (counts 0); with them, one row per group in the order groups first appear (or by {@code Sort:}, applied to
 * each group's first row), the group's values first, {@code Offset:} and {@code Limit:} counting groups.
 */
final class StatsAnswer<R> {

    private final Request request;
    private final TableColumns<R> table;
    private final QueryContext context;

    StatsAnswer(Request request, TableColumns<R> table, QueryContext context) {
        this.request = request;
        this.table = table;
        this.context = context;
    }

    byte[] answer() throws LivestatusError {
        RowValues<R> values = new RowValues<>();
        RowTests<R> tests = new RowTests<>(table, values, request.timezoneOffset());
        RowTest filter = tests.compile(request.filter());
        List<Column<R>> groupColumns = new ArrayList<>();
        for (String name : request.columns()) {
            groupColumns.add(table.get(name, "Columns"));
        }
        int[] groupSlots = groupColumns.stream().mapToInt(values::slot).toArray();
        Stat[] stats = compileStats(tests, values);
        RowOrder<R> order = new RowOrder<>(request.sorts(), table);
        Map<Object, StatsGroup> groups = new LinkedHashMap<>();
        StatsGroup all = new StatsGroup(stats.length, null, new Object[0]);
        CountMemo memo = groupSlots.length == 0 ? CountMemo.plan(request.stats(), stats, table, values) : null;
        boolean[] memoized = new boolean[stats.length];
        if (memo != null) {
            for (int i : memo.statIndexes()) {
                memoized[i] = true;
            }
        }
        for (R row : table.table().rows(context)) {
            values.moveTo(row);
            if (!filter.test(values)) {
                continue;
            }
            StatsGroup g = groupSlots.length == 0 ? all : group(groups, groupSlots, values, stats.length, row);
            boolean counted = memo != null && memo.count(values);
            for (int i = 0; i < stats.length; i++) {
                if (!counted || !memoized[i]) {
                    stats[i].consume(values, g, i);
                }
            }
        }
        if (memo != null) {
            memo.addTo(all);
        }
        List<StatsGroup> rows = groupSlots.length == 0 ? List.of(all) : ordered(groups, order);
        return write(groupColumns, stats, rows, groupSlots.length == 0 ? 1 : groups.size());
    }

    private Stat[] compileStats(RowTests<R> tests, RowValues<R> values) throws LivestatusError {
        List<Stat> stats = new ArrayList<>();
        for (StatsSpec spec : request.stats()) {
            if (spec instanceof StatsSpec.Count c) {
                stats.add(new Stat.Count(tests.compile(c.filter())));
                continue;
            }
            StatsSpec.Aggregate a = (StatsSpec.Aggregate) spec;
            Column<R> column = table.get(a.column(), "Stats");
            ColumnType type = column.type();
            if (type != ColumnType.INT && type != ColumnType.TIME && type != ColumnType.FLOAT) {
                throw LivestatusError.badRequest("Stats: cannot aggregate column '" + a.column() + "' of type "
                        + type.livestatusName() + " with " + a.aggregation().name().toLowerCase(Locale.ROOT)
                        + ": expected an int, float or time column");
            }
            stats.add(new AggregateStat(a.aggregation(), values.slot(column), type != ColumnType.FLOAT));
        }
        return stats.toArray(new Stat[0]);
    }

    private static StatsGroup group(Map<Object, StatsGroup> groups, int[] slots, RowValues<?> values, int stats,
                                    Object row) {
        Object[] key = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            key[i] = values.get(slots[i]);
        }
        Object mapKey = key.length == 1 ? key[0] : Arrays.asList(key);
        StatsGroup g = groups.get(mapKey);
        if (g == null) {
            g = new StatsGroup(stats, row, key);
            groups.put(mapKey, g);
        }
        return g;
    }

    @SuppressWarnings("unchecked")
    private List<StatsGroup> ordered(Map<Object, StatsGroup> groups, RowOrder<R> order) {
        List<StatsGroup> list = new ArrayList<>(groups.values());
        if (!order.isEmpty()) {
            List<RowOrder.Keyed<StatsGroup>> keyed = new ArrayList<>();
            for (StatsGroup g : list) {
                keyed.add(order.keyed(g, (R) g.firstRow, keyed.size()));
            }
            order.sort(keyed);
            list = keyed.stream().map(RowOrder.Keyed::item).toList();
        }
        int from = Math.min(request.offset(), list.size());
        int to = request.limit() < 0 ? list.size() : (int) Math.min(list.size(), (long) from + request.limit());
        return list.subList(from, to);
    }

    private byte[] write(List<Column<R>> groupColumns, Stat[] stats, List<StatsGroup> rows, long total) {
        List<String> names = new ArrayList<>();
        groupColumns.forEach(c -> names.add(c.name()));
        for (int i = 1; i <= stats.length; i++) {
            names.add("stats_" + i);
        }
        ResponseWriter writer = ResponseWriter.of(request);
        writer.begin(Boolean.TRUE.equals(request.columnHeaders()) ? names : null);
        for (StatsGroup g : rows) {
            Object[] out = new Object[groupColumns.size() + stats.length];
            ColumnType[] types = new ColumnType[out.length];
            for (int i = 0; i < groupColumns.size(); i++) {
                out[i] = g.key[i];
                types[i] = groupColumns.get(i).type();
            }
            for (int i = 0; i < stats.length; i++) {
                Object v = stats[i].result(g, i);
                out[groupColumns.size() + i] = v;
                types[groupColumns.size() + i] = v instanceof Double ? ColumnType.FLOAT : ColumnType.INT;
            }
            writer.row(out, types);
        }
        writer.end(total);
        return writer.bytes();
    }
}
