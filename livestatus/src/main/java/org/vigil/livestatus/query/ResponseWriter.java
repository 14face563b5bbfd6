package org.vigil.livestatus.query;

import java.util.List;

/**
 * Writes an answer's rows in one output format: the optional header row of column names, then each row's typed
 * values ({@link ColumnType} says how: an int as digits, a float as {@code %.10e} as Livestatus prints doubles,
 * a time with the {@code Localtime:} offset added), then whatever ends the format.
 */
abstract class ResponseWriter {

    final ByteSink out = new ByteSink();
    final long timezoneOffset;

    ResponseWriter(long timezoneOffset) {
        this.timezoneOffset = timezoneOffset;
    }

    static ResponseWriter of(Request r) {
        if (r.format() == OutputFormat.CSV) {
            return new CsvWriter(r.separators(), r.timezoneOffset());
        }
        return new JsonWriter(r.format(), r.timezoneOffset());
    }

    /** Starts the answer; {@code headers} is null when no header row is asked for. */
    abstract void begin(List<String> headers);

    abstract void row(Object[] values, ColumnType[] types);

    /** Ends the answer; {@code total} is the number of rows (or groups) before Limit and Offset. */
    abstract void end(long total);

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A double as Livestatus prints it ({@code %.10e}: {@code 1.5000000000e+00}). */
    static String formatDouble(double d) {
        return DoubleFormat.format(d);
    }

    /** The long a value of an int or time column holds (0 when it is not a number). */
    static long asLong(Object v) {
        return v instanceof Number n ? n.longValue() : 0L;
    }

    static double asDouble(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0.0;
    }
}
