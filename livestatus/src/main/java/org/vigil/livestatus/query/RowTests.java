package org.vigil.livestatus.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@link FilterExpr} against a table once per request: every column looked up (404 if unknown), every
 * value parsed and every regular expression compiled (400 if bad) before the first row is read.
 */
final class RowTests<R> {

    private final TableColumns<R> columns;
    private final RowValues<R> values;
    private final long timezoneOffset;

    RowTests(TableColumns<R> columns, RowValues<R> values, long timezoneOffset) {
        this.columns = columns;
        this.values = values;
        this.timezoneOffset = timezoneOffset;
    }

    RowTest compile(FilterExpr expr) throws LivestatusError {
        if (expr == null) {
            return RowTest.ALWAYS;
        }
        IntConjunction conjunction = IntConjunction.of(expr, columns, values, timezoneOffset);
        if (conjunction != null) {
            return conjunction;
        }
        if (expr instanceof FilterExpr.Condition c) {
            Column<R> column = columns.get(c.column(), c.header());
            return Conditions.of(c, column.type(), values.slot(column), timezoneOffset);
        }
        if (expr instanceof FilterExpr.Not n) {
            RowTest part = compile(n.part());
            return v -> !part.test(v);
        }
        boolean all = expr instanceof FilterExpr.All;
        List<FilterExpr> parts = all ? ((FilterExpr.All) expr).parts() : ((FilterExpr.Any) expr).parts();
        List<RowTest> tests = new ArrayList<>();
        for (FilterExpr p : parts) {
            tests.add(compile(p));
        }
        if (tests.size() == 1) {
            return tests.get(0);
        }
        RowTest[] array = tests.toArray(new RowTest[0]);
        return all ? v -> allPass(array, v) : v -> anyPasses(array, v);
    }

    private static boolean allPass(RowTest[] tests, RowValues<?> v) {
        for (RowTest t : tests) {
            if (!t.test(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyPasses(RowTest[] tests, RowValues<?> v) {
        for (RowTest t : tests) {
            if (t.test(v)) {
                return true;
            }
        }
        return false;
    }
}
