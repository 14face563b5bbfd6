package org.vigil.livestatus.query;

/**
 * The running figures of every {@code Stats:} column for one group of rows (all rows when there are no group
 * columns), in primitive arrays indexed by stats column so counting a row allocates nothing.
 */
final class StatsGroup {

    final long[] consumed;
    final long[] ints;
    final double[] sums;
    final double[] squares;
    /** The group's first row and its group-column values, for sorting and output. */
    final Object firstRow;
    final Object[] key;

    StatsGroup(int columns, Object firstRow, Object[] key) {
        consumed = new long[columns];
        ints = new long[columns];
        sums = new double[columns];
        squares = new double[columns];
        this.firstRow = firstRow;
        this.key = key;
    }
}
