package org.vigil.livestatus.query;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers parsed requests over a {@link TableSet}: the rows or stats a GET asks for in its output format, the
 * response for an error, and whether a long poll's wait condition holds. Never throws for a bad request: the
 * error becomes the response, with Livestatus's code.
 */
public final class Queries {

    private Queries() {
    }

    /**
     * The whole response to a GET: the fixed16 header when asked for, then the body; a {@link LivestatusError} met
     * while answering (unknown table or column, bad regular expression) becomes the error response.
     */
    public static byte[] answer(Request r, TableSet tables, QueryContext ctx) {
        try {
            byte[] body = body(r, table(r, tables), ctx);
            return r.fixed16() ? withHeader(200, body) : body;
        } catch (LivestatusError e) {
            return error(r, e);
        }
    }

    /**
     * The response for an error: the message and a newline, after the fixed16 header with the code when the
     * request asked for it ({@code r} may be null: a request {@link Request#parse} refused, whose error knows).
     */
    public static byte[] error(Request r, LivestatusError e) {
        byte[] body = (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
        return (r != null && r.fixed16()) || e.fixed16() ? withHeader(e.code(), body) : body;
    }

    /**
     * Whether the {@code WaitCondition} headers hold for the {@code WaitObject:} row (true when there is no
     * condition). Without a WaitObject the condition holds when any row the context sees passes it (the status
     * table has only one).
     */
    public static boolean waitConditionHolds(Request r, TableSet tables, QueryContext ctx) throws LivestatusError {
        if (r.waitCondition() == null) {
            return true;
        }
        return holds(r, table(r, tables), ctx);
    }

    private static <R> boolean holds(Request r, Table<R> table, QueryContext ctx) throws LivestatusError {
        RowValues<R> values = new RowValues<>();
        RowTest test = new RowTests<>(new TableColumns<>(table), values, r.timezoneOffset())
                .compile(r.waitCondition());
        if (r.waitObject().isPresent()) {
            Optional<R> object = table.object(r.waitObject().get(), ctx);
            if (object.isEmpty()) {
                throw LivestatusError.badRequest("WaitObject: object '" + r.waitObject().get()
                        + "' not found or not supported by table '" + table.name() + "'");
            }
            values.moveTo(object.get());
            return test.test(values);
        }
        for (R row : table.rows(ctx)) {
            values.moveTo(row);
            if (test.test(values)) {
                return true;
            }
        }
        return false;
    }

    private static Table<?> table(Request r, TableSet tables) throws LivestatusError {
        if (r.isCommand()) {
            throw LivestatusError.badRequest("COMMAND requests have no answer: expected a GET request");
        }
        return tables.table(r.table()).orElseThrow(() -> new LivestatusError(LivestatusError.NOT_FOUND,
                "Invalid GET request, no such table '" + RequestParser.abbreviate(r.table()) + "'"));
    }

    private static <R> byte[] body(Request r, Table<R> table, QueryContext given) throws LivestatusError {
        TableColumns<R> columns = new TableColumns<>(table);
        QueryContext ctx = r.filter() == null ? given : given.with(TimeRange.of(r.filter(), r.timezoneOffset()));
        return r.stats().isEmpty() ? new Selection<>(r, columns, ctx).answer()
                : new StatsAnswer<>(r, columns, ctx).answer();
    }

    /** Livestatus's fixed16 header: the code, a space, the body's length in 11 places, a newline. */
    private static byte[] withHeader(int code, byte[] body) {
        byte[] header = String.format(Locale.ROOT, "%3d %11d\n", code, body.length).getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }
}
