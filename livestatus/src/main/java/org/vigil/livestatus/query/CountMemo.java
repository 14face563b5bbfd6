package org.vigil.livestatus.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts for the {@code Stats:} filters that read only int and time columns, worked out once per distinct tuple of
 * those columns' values rather than once per row. Thruk's tactical overview asks sixty such questions of 100,000
 * services whose dozen flags and states take a few hundred combinations between them: each row then costs reading
 * its ints and one probe of an open-addressed table, and the filters run once per combination. When a table has
 * more combinations than the memo holds, the rest of the rows are counted filter by filter.
 */
final class CountMemo {

    private static final int MAX_TUPLES = 4096;
    private static final int BUCKETS = MAX_TUPLES * 2;

    private final int[] slots;
    private final int[] statIndexes;
    private final RowTest[] tests;
    private final int[] bucket = new int[BUCKETS];
    private final long[] current;
    /** Per tuple: its values, how many rows had it, which stats it passes; grown as tuples are met. */
    private long[] stored;
    private long[] occurrences;
    private boolean[] passes;
    private int capacity = 64;
    private int size;

    /** Memoizes the count stats at {@code statIndexes} (tests {@code tests}), which read only {@code slots}. */
    CountMemo(int[] slots, int[] statIndexes, RowTest[] tests) {
        this.slots = slots;
        this.statIndexes = statIndexes;
        this.tests = tests;
        this.current = new long[slots.length];
        this.stored = new long[capacity * slots.length];
        this.occurrences = new long[capacity];
        this.passes = new boolean[capacity * tests.length];
        Arrays.fill(bucket, -1);
    }

    /**
     * A memo for the count stats among {@code specs} (compiled as {@code stats}) whose filters read only int and
     * time columns, or null when there are none.
     */
    static <R> CountMemo plan(List<StatsSpec> specs, Stat[] stats, TableColumns<R> table, RowValues<R> values)
            throws LivestatusError {
        Set<Integer> slots = new TreeSet<>();
        List<Integer> indexes = new ArrayList<>();
        List<RowTest> tests = new ArrayList<>();
        for (int i = 0; i < stats.length; i++) {
            Set<Integer> read = new TreeSet<>();
            if (specs.get(i) instanceof StatsSpec.Count c && readsOnlyInts(c.filter(), table, values, read)) {
                slots.addAll(read);
                indexes.add(i);
                tests.add(((Stat.Count) stats[i]).test());
            }
        }
        if (indexes.isEmpty()) {
            return null;
        }
        return new CountMemo(slots.stream().mapToInt(Integer::intValue).toArray(),
                indexes.stream().mapToInt(Integer::intValue).toArray(), tests.toArray(new RowTest[0]));
    }

    /** Whether {@code expr} reads only int and time columns (their slots added to {@code slots}). */
    private static <R> boolean readsOnlyInts(FilterExpr expr, TableColumns<R> table, RowValues<R> values,
                                             Set<Integer> slots) throws LivestatusError {
        if (expr instanceof FilterExpr.Condition c) {
            Column<R> column = table.get(c.column(), c.header());
            slots.add(values.slot(column));
            return column.type() == ColumnType.INT || column.type() == ColumnType.TIME;
        }
        if (expr instanceof FilterExpr.Not n) {
            return readsOnlyInts(n.part(), table, values, slots);
        }
        List<FilterExpr> parts = expr instanceof FilterExpr.All a ? a.parts() : ((FilterExpr.Any) expr).parts();
        boolean onlyInts = true;
        for (FilterExpr p : parts) {
            onlyInts &= readsOnlyInts(p, table, values, slots);
        }
        return onlyInts;
    }

    /** Counts the current row; false when the memo is full and the row must be counted filter by filter. */
    boolean count(RowValues<?> values) {
        int width = slots.length;
        long hash = 17;
        for (int i = 0; i < width; i++) {
            long v = values.getLong(slots[i]);
            current[i] = v;
            hash = hash * 31 + v;
        }
        int b = (int) ((hash ^ (hash >>> 29)) & (BUCKETS - 1));
        while (bucket[b] >= 0) {
            int e = bucket[b];
            if (Arrays.equals(stored, e * width, e * width + width, current, 0, width)) {
                occurrences[e]++;
                return true;
            }
            b = (b + 1) & (BUCKETS - 1);
        }
        if (size == MAX_TUPLES) {
            return false;
        }
        if (size == capacity) {
            grow();
        }
        int e = size++;
        System.arraycopy(current, 0, stored, e * width, width);
        for (int j = 0; j < tests.length; j++) {
            passes[e * tests.length + j] = tests[j].test(values);
        }
        occurrences[e] = 1;
        bucket[b] = e;
        return true;
    }

    private void grow() {
        capacity *= 2;
        stored = Arrays.copyOf(stored, capacity * slots.length);
        occurrences = Arrays.copyOf(occurrences, capacity);
        passes = Arrays.copyOf(passes, capacity * tests.length);
    }

    /** Adds the memoized counts into {@code group}. */
    void addTo(StatsGroup group) {
        for (int e = 0; e < size; e++) {
            for (int j = 0; j < tests.length; j++) {
                if (passes[e * tests.length + j]) {
                    group.ints[statIndexes[j]] += occurrences[e];
                }
            }
        }
    }

    /** The stats this memo counts, so the row-by-row loop skips them while the memo has room. */
    int[] statIndexes() {
        return statIndexes;
    }
}
