package org.vigil.livestatus.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code keep} rows in sort order, kept in a bounded heap while the rows go by (as Livestatus's sorter
 * does with Limit + Offset), so a 100-row page of 100,000 services sorts 600 rows, not 100,000.
 */
final class TopRows<R> {

    private final Comparator<RowOrder.Keyed<R>> order;
    private final long keep;
    private final PriorityQueue<RowOrder.Keyed<R>> worstFirst;
    private final List<RowOrder.Keyed<R>> all = new ArrayList<>();

    TopRows(Comparator<RowOrder.Keyed<R>> order, long keep) {
        this.order = order;
        this.keep = keep;
        this.worstFirst = keep < 100_000 ? new PriorityQueue<>((int) Math.max(1, keep), order.reversed()) : null;
    }

    void offer(RowOrder.Keyed<R> row) {
        if (worstFirst == null) {
            all.add(row);
        } else if (worstFirst.size() < keep) {
            worstFirst.add(row);
        } else if (keep > 0 && order.compare(row, worstFirst.peek()) < 0) {
            worstFirst.poll();
            worstFirst.add(row);
        }
    }

    /** The rows kept, in order. */
    List<RowOrder.Keyed<R>> sorted() {
        List<RowOrder.Keyed<R>> rows = worstFirst == null ? all : new ArrayList<>(worstFirst);
        rows.sort(order);
        return rows.size() > keep ? Collections.unmodifiableList(rows.subList(0, (int) keep)) : rows;
    }
}
