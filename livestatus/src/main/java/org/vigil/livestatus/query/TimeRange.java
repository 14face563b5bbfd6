package org.vigil.livestatus.query;

/**
 * The times a request's filters allow on the column {@code time} (epoch seconds, both ends included), as far as
 * its top-level {@code Filter:} lines and {@code And:}s say: a table with rows in time order (the log) may skip
 * what lies outside instead of reading it. The filters still decide each row; this only says where none can pass.
 */
public record TimeRange(long from, long to) {

    /** No bound. */
    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    /** Whether a row timed {@code t} may pass. */
    public boolean contains(long t) {
        return t >= from && t <= to;
    }

    /** The range {@code filter} allows on {@code time}, compared after Localtime's {@code offset} is taken off. */
    static TimeRange of(FilterExpr filter, long offset) {
        long[] range = {Long.MIN_VALUE, Long.MAX_VALUE};
        narrow(filter, offset, range);
        return range[0] == Long.MIN_VALUE && range[1] == Long.MAX_VALUE ? ALL : new TimeRange(range[0], range[1]);
    }

    private static void narrow(FilterExpr f, long offset, long[] range) {
        if (f instanceof FilterExpr.All all) {
            all.parts().forEach(p -> narrow(p, offset, range));
        } else if (f instanceof FilterExpr.Condition c && c.column().equals("time")) {
            long v;
            try {
                v = Long.parseLong(c.value().strip()) - offset;
            } catch (NumberFormatException e) {
                return; // the filter itself refuses it
            }
            switch (c.operator()) {
                case GREATER_OR_EQUAL -> range[0] = Math.max(range[0], v);
                case GREATER -> range[0] = Math.max(range[0], v + 1);
                case LESS_OR_EQUAL -> range[1] = Math.min(range[1], v);
                case LESS -> range[1] = Math.min(range[1], v - 1);
                case EQUAL -> {
                    range[0] = Math.max(range[0], v);
                    range[1] = Math.min(range[1], v);
                }
                default -> {
                }
            }
        }
        // Or and Negate narrow nothing
    }
}
