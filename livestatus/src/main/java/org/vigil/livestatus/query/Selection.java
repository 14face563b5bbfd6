package org.vigil.livestatus.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers a GET without {@code Stats:}: the rows the filters accept, sorted when asked, then {@code Offset:} rows
 * skipped and at most {@code Limit:} written, each with the {@code Columns:} asked for (all columns when none
 * are). The total before Offset and Limit is what {@code wrapped_json} reports.
 */
final class Selection<R> {

    private final Request request;
    private final TableColumns<R> table;
    private final QueryContext context;

    Selection(Request request, TableColumns<R> table, QueryContext context) {
        this.request = request;
        this.table = table;
        this.context = context;
    }

    byte[] answer() throws LivestatusError {
        List<Column<R>> shown = shownColumns();
        RowValues<R> values = new RowValues<>();
        RowTest filter = new RowTests<>(table, values, request.timezoneOffset()).compile(request.filter());
        RowOrder<R> order = new RowOrder<>(request.sorts(), table);
        ColumnType[] types = new ColumnType[shown.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            types[i] = shown.get(i).type();
            names.add(shown.get(i).name());
        }
        boolean headers = request.columnHeaders() != null ? request.columnHeaders() : request.columns().isEmpty();
        ResponseWriter writer = ResponseWriter.of(request);
        writer.begin(headers ? names : null);
        long total = order.isEmpty() ? writeInTableOrder(filter, values, shown, types, writer)
                : writeSorted(filter, values, order, shown, types, writer);
        writer.end(total);
        return writer.bytes();
    }

    private List<Column<R>> shownColumns() throws LivestatusError {
        if (request.columns().isEmpty()) {
            return table.table().columns();
        }
        List<Column<R>> shown = new ArrayList<>();
        for (String name : request.columns()) {
            shown.add(table.get(name, "Columns"));
        }
        return shown;
    }

    private long writeInTableOrder(RowTest filter, RowValues<R> values, List<Column<R>> shown, ColumnType[] types,
                                   ResponseWriter writer) {
        long matched = 0;
        long offset = request.offset();
        long end = request.limit() < 0 ? Long.MAX_VALUE : offset + request.limit();
        for (R row : table.table().rows(context)) {
            values.moveTo(row);
            if (filter.test(values)) {
                matched++;
                if (matched > offset && matched <= end) {
                    writer.row(read(row, shown), types);
                }
            }
        }
        return matched;
    }

    private long writeSorted(RowTest filter, RowValues<R> values, RowOrder<R> order, List<Column<R>> shown,
                             ColumnType[] types, ResponseWriter writer) {
        TopRows<R> top = new TopRows<>(order.comparator(),
                request.limit() < 0 ? Long.MAX_VALUE : (long) request.offset() + request.limit());
        long matched = 0;
        for (R row : table.table().rows(context)) {
            values.moveTo(row);
            if (filter.test(values)) {
                top.offer(order.keyed(row, row, matched++));
            }
        }
        List<RowOrder.Keyed<R>> sorted = top.sorted();
        for (RowOrder.Keyed<R> k : sorted.subList(Math.min(request.offset(), sorted.size()), sorted.size())) {
            writer.row(read(k.item(), shown), types);
        }
        return matched;
    }

    private Object[] read(R row, List<Column<R>> shown) {
        Object[] out = new Object[shown.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = shown.get(i).value(row);
        }
        return out;
    }
}
