package org.vigil.livestatus.server;

import java.time.Duration;
import java.util.Optional;
import org.vigil.livestatus.query.LivestatusError;
import org.vigil.livestatus.query.Queries;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.livestatus.query.Request;
import org.vigil.livestatus.query.TableSet;
import org.vigil.model.ReadModel;
import org.vigil.model.StatusSnapshot;

/**
 * Answers Livestatus requests from the read model's snapshots, on the connection's thread (never the engine's):
 * a GET through the query language ({@link Queries}) over the tables, after waiting for its {@code WaitCondition}
 * when it has {@code Wait*} headers, else once per snapshot for every client that asks it ({@link AnswerCache}); a
 * COMMAND through the daemon's external commands, answered with nothing.
 *
 * <p>A wait checks its condition on a snapshot; then, each time an event of its trigger's kind happens
 * ({@link WaitTriggers}), on a snapshot made after the event; and at least every {@code pollEvery} on the latest
 * snapshot, so events no listener reports (a program switch changed, say) still end it within that time.
 */
public final class LivestatusService implements RequestHandler {

    private static final byte[] NOTHING = new byte[0];

    private final TableSet tables;
    private final ReadModel reader;
    private final CommandSink commands;
    private final WaitTriggers triggers;
    private final Duration pollEvery;
    private final AnswerCache answers = new AnswerCache();

    public LivestatusService(TableSet tables, ReadModel reader, CommandSink commands, WaitTriggers triggers,
                             Duration pollEvery) {
        this.tables = tables;
        this.reader = reader;
        this.commands = commands;
        this.triggers = triggers;
        this.pollEvery = pollEvery;
    }

    @Override
    public Reply answer(String text) {
        Request request;
        try {
            request = Request.parse(text);
        } catch (LivestatusError e) {
            return new Reply(Queries.error(null, e), e.keepAlive()); // the refused request's KeepAlive: on holds
        }
        if (request.isCommand()) {
            commands.run(request.command());
            return new Reply(NOTHING, request.keepAlive());
        }
        try {
            if (request.hasWait()) {
                StatusSnapshot snapshot = waitFor(request);
                return new Reply(Queries.answer(request, tables, new QueryContext(snapshot, request.authUser())),
                        request.keepAlive());
            }
            StatusSnapshot snapshot = reader.current();
            QueryContext context = new QueryContext(snapshot, request.authUser());
            // the same request on the same snapshot has the same answer (Localtime's offset is part of it)
            byte[] answer = answers.answer(snapshot, snapshot.takenAt(), request.timezoneOffset() + "\n" + text,
                    () -> Queries.answer(request, tables, context));
            return new Reply(answer, request.keepAlive());
        } catch (LivestatusError e) {
            return new Reply(Queries.error(request, e), request.keepAlive());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server stops
            return new Reply(NOTHING, false);
        }
    }

    @Override
    public byte[] error(int code, String message) {
        return Queries.error(null, new LivestatusError(code, message));
    }

    /** The snapshot on which the request's wait ended: its condition held, or its timeout passed. */
    private StatusSnapshot waitFor(Request request) throws LivestatusError, InterruptedException {
        WaitTrigger trigger = trigger(request);
        Duration timeout = request.waitTimeout();
        long deadline = System.nanoTime() + (timeout.isZero() ? Long.MAX_VALUE / 2 : timeout.toNanos());
        long seen = triggers.count(trigger);
        if (!request.hasWaitCondition()) { // Livestatus: without a condition, wait for one event of the trigger
            long left = Math.max(0, deadline - System.nanoTime());
            return triggers.await(trigger, seen, Duration.ofNanos(left)) != seen ? reader.fresh() : reader.current();
        }
        StatusSnapshot snapshot = reader.current();
        while (!Queries.waitConditionHolds(request, tables, new QueryContext(snapshot, request.authUser()))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            long before = seen;
            seen = triggers.await(trigger, seen, Duration.ofNanos(Math.min(left, pollEvery.toNanos())));
            // after an event, a snapshot that includes it; otherwise the latest, at most the read model's age
            snapshot = seen != before ? reader.fresh() : reader.current();
        }
        return snapshot;
    }

    private static WaitTrigger trigger(Request request) throws LivestatusError {
        Optional<String> named = request.waitTrigger();
        if (named.isEmpty()) {
            return WaitTrigger.ALL;
        }
        return WaitTrigger.named(named.get()).orElseThrow(() -> new LivestatusError(400, "Invalid WaitTrigger '"
                + named.get() + "' (expected check, state, log, downtime, comment, command, program or all)"));
    }
}
