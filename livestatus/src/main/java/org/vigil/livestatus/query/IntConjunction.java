package org.vigil.livestatus.query;

import java.util.ArrayList;
import java.util.List;

/**
 * An and of comparisons of int or time columns with constants (Thruk's stats are almost all of this shape:
 * {@code Stats: state = 2}, {@code Stats: acknowledged = 0}, {@code StatsAnd: 4}), evaluated in one loop over
 * primitive arrays instead of one call per comparison, so sixty such stats over a row cost little more than
 * reading the row's dozen ints.
 */
final class IntConjunction implements RowTest {

    private static final int EQ = 0;
    private static final int NE = 1;
    private static final int LT = 2;
    private static final int GE = 3;
    private static final int GT = 4;
    private static final int LE = 5;

    private final int[] slots;
    private final int[] ops;
    private final long[] refs;

    private IntConjunction(int[] slots, int[] ops, long[] refs) {
        this.slots = slots;
        this.ops = ops;
        this.refs = refs;
    }

    /**
     * The conjunction {@code expr} is, if it is one: a condition on an int or time column with a numeric operator
     * and an integral value, or an And of such; otherwise null (the general compiler handles it).
     */
    static <R> IntConjunction of(FilterExpr expr, TableColumns<R> columns, RowValues<R> values, long offset) {
        List<FilterExpr.Condition> conditions = new ArrayList<>();
        if (!flatten(expr, conditions)) {
            return null;
        }
        int n = conditions.size();
        int[] slots = new int[n];
        int[] ops = new int[n];
        long[] refs = new long[n];
        for (int i = 0; i < n; i++) {
            FilterExpr.Condition c = conditions.get(i);
            Column<R> column;
            try {
                column = columns.get(c.column(), c.header());
            } catch (LivestatusError e) {
                return null;
            }
            if (column.type() != ColumnType.INT && column.type() != ColumnType.TIME) {
                return null;
            }
            String value = c.value().strip();
            if (!value.matches("-?[0-9]{1,18}") || op(c.operator()) < 0) {
                return null;
            }
            slots[i] = values.slot(column);
            ops[i] = op(c.operator());
            refs[i] = Long.parseLong(value) - (column.type() == ColumnType.TIME ? offset : 0);
        }
        return new IntConjunction(slots, ops, refs);
    }

    private static boolean flatten(FilterExpr expr, List<FilterExpr.Condition> into) {
        if (expr instanceof FilterExpr.Condition c) {
            into.add(c);
            return true;
        }
        if (expr instanceof FilterExpr.All all && !all.parts().isEmpty()) {
            for (FilterExpr part : all.parts()) {
                if (!flatten(part, into)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static int op(Operator o) {
        switch (o) {
            case EQUAL: return EQ;
            case NOT_EQUAL: return NE;
            case LESS: return LT;
            case GREATER_OR_EQUAL: return GE;
            case GREATER: return GT;
            case LESS_OR_EQUAL: return LE;
            default: return -1;
        }
    }

    @Override
    public boolean test(RowValues<?> values) {
        for (int i = 0; i < slots.length; i++) {
            long v = values.getLong(slots[i]);
            long ref = refs[i];
            boolean pass;
            switch (ops[i]) {
                case EQ: pass = v == ref; break;
                case NE: pass = v != ref; break;
                case LT: pass = v < ref; break;
                case GE: pass = v >= ref; break;
                case GT: pass = v > ref; break;
                default: pass = v <= ref; break;
            }
            if (!pass) {
                return false;
            }
        }
        return true;
    }
}
