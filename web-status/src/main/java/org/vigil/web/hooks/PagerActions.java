package org.vigil.web.hooks;

import java.util.Optional;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.Engine;
import org.vigil.engine.command.CommandType;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.model.ReadModel;
import org.vigil.web.api.ApiException;
import org.vigil.web.api.CommandRunner;
import org.vigil.web.model.Monitor;

/**
 * Carries out a pager's event through the external command path the pages' actions use ({@link CommandRunner}), so
 * each command is logged like any other: an acknowledgement becomes {@code ACKNOWLEDGE_*_PROBLEM} (sticky,
 * notifying, not persistent: the pages' defaults), its removal {@code REMOVE_*_ACKNOWLEDGEMENT}, a resolve a
 * comment (the next check decides the state). An object already acknowledged is not acknowledged again: Vigil's
 * own acknowledgement, sent to the pager, comes back as the pager's event, and acknowledging again would notify
 * again, in a loop.
 */
final class PagerActions {

    /** What was done: the result counted, and the answer's detail (the command, as the log shows it). */
    record Done(ReceiverCounters.Result result, String detail) {
    }

    /** The object's state as the engine holds it now. */
    private record Probe(boolean problem, boolean acknowledged, String state) {
    }

    private final Monitor monitor;
    private final ReadModel reader;
    private final CommandRunner commands;

    PagerActions(Monitor monitor, ReadModel reader, CommandRunner commands) {
        this.monitor = monitor;
        this.reader = reader;
        this.commands = commands;
    }

    Done carryOut(Receiver r, PagerEvent e) throws Refusal {
        if (e.action() == PagerEvent.Action.IGNORE) {
            return new Done(ReceiverCounters.Result.IGNORED, e.type() + " is not acted on");
        }
        PagerKeys.Target t = PagerKeys.resolve(reader.ofConfig().model(), e.key())
                .orElseThrow(() -> new Refusal(Refusal.Reason.UNKNOWN_KEY, "'" + Json.shortened(e.key())
                        + "' names no host or service of this Vigil (its keys are vigil/HOST and vigil/HOST/SERVICE)"));
        Probe p = probe(t).orElseThrow(() -> new Refusal(Refusal.Reason.UNKNOWN_KEY, t.describe()
                + " is not in the running configuration"));
        String author = author(e.user());
        return switch (e.action()) {
            case ACKNOWLEDGE -> acknowledge(r, t, p, author);
            case UNACKNOWLEDGE -> {
                if (!p.acknowledged()) {
                    yield new Done(ReceiverCounters.Result.UNCHANGED, t.describe() + " is not acknowledged");
                }
                yield new Done(ReceiverCounters.Result.UNACKNOWLEDGED, run(p, t.isHost()
                        ? CommandType.REMOVE_HOST_ACKNOWLEDGEMENT : CommandType.REMOVE_SVC_ACKNOWLEDGEMENT, t));
            }
            case RESOLVE -> {
                if (!p.problem()) {
                    yield new Done(ReceiverCounters.Result.UNCHANGED, t.describe() + " is " + p.state()
                            + " already: nothing to note");
                }
                yield new Done(ReceiverCounters.Result.COMMENTED, run(p, t.isHost() ? CommandType.ADD_HOST_COMMENT
                        : CommandType.ADD_SVC_COMMENT, t, "1", author, "resolved in " + r.title() + " by " + author));
            }
            case IGNORE -> throw new IllegalStateException("handled above");
        };
    }

    private Done acknowledge(Receiver r, PagerKeys.Target t, Probe p, String author) throws Refusal {
        if (p.acknowledged()) {
            return new Done(ReceiverCounters.Result.UNCHANGED, t.describe() + " is already acknowledged");
        }
        CommandType type = t.isHost() ? CommandType.ACKNOWLEDGE_HOST_PROBLEM : CommandType.ACKNOWLEDGE_SVC_PROBLEM;
        // sticky (2), notify (1), not persistent (0), as the pages' acknowledge form
        return new Done(ReceiverCounters.Result.ACKNOWLEDGED, run(p, type, t, "2", "1", "0", author,
                "acknowledged in " + r.title()));
    }

    /** Runs the command on the object, then {@code rest}; the engine's refusal is the answer's. */
    private String run(Probe p, CommandType type, PagerKeys.Target t, String... rest) throws Refusal {
        String[] args = new String[(t.isHost() ? 1 : 2) + rest.length];
        args[0] = t.host();
        if (!t.isHost()) {
            args[1] = t.service();
        }
        System.arraycopy(rest, 0, args, t.isHost() ? 1 : 2, rest.length);
        try {
            return commands.call(type, args).command();
        } catch (ApiException e) {
            boolean noProblem = !p.problem() && type.name().startsWith("ACKNOWLEDGE");
            throw new Refusal(noProblem ? Refusal.Reason.NOT_A_PROBLEM : Refusal.Reason.COMMAND_FAILED,
                    e.getMessage());
        }
    }

    /** Reads the object's state on the engine thread (a snapshot of every object would cost more). */
    private Optional<Probe> probe(PagerKeys.Target t) {
        Engine engine = monitor.engine();
        return engine.call(() -> {
            Optional<CheckTarget> target = t.isHost() ? engine.hostTarget(t.host())
                    : engine.serviceTarget(new ServiceKey(t.host(), t.service()));
            return target.map(ct -> {
                CheckableStatus<?> s = engine.statusOf(ct);
                return new Probe(!s.currentState().isOk(), s.problemHasBeenAcknowledged(),
                        String.valueOf(s.currentState()));
            });
        });
    }

    /** The pager user as a command's author: one line, no {@code ;}, at most 200 characters. */
    static String author(String user) {
        String a = user.replaceAll("[;\\r\\n\\t]+", " ").strip();
        if (a.isEmpty()) {
            return "pager";
        }
        return a.length() > 200 ? a.substring(0, 200) : a;
    }
}
