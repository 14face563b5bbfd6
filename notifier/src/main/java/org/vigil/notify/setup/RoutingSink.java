package org.vigil.notify.setup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.vigil.checks.macro.MacroContext;
import org.vigil.engine.NotificationJournal;
import org.vigil.notify.rules.Notification;
import org.vigil.notify.rules.NotificationSink;

/**
 * Sends each contact's notification the way its commands say: {@code vigil-notify} commands to the outbox of the
 * built-in channels, every other command to the command sink, which runs it as Nagios does. Called on the engine
 * thread, which it never blocks: the notification is recorded in the engine's {@link NotificationJournal}, in the
 * same retention write as the change that caused it, and handed to the {@link Dispatcher} once that write is
 * durable. A notification therefore never leaves for a change a crash could still undo.
 */
final class RoutingSink implements NotificationSink {

    private final BuiltInCommands builtIn;
    private final Dispatcher dispatcher;
    private final NotificationJournal journal;
    private final Consumer<String> log;

    RoutingSink(BuiltInCommands builtIn, Dispatcher dispatcher, NotificationJournal journal, Consumer<String> log) {
        this.builtIn = builtIn;
        this.dispatcher = dispatcher;
        this.journal = journal;
        this.log = log;
    }

    @Override
    public void deliver(Notification n) {
        try {
            Dispatcher.Ready routed = route(n, 0);
            if (routed.commands().isEmpty() && routed.channels().isEmpty()) {
                return;
            }
            long id = journal.record(JournalRecord.object(n), JournalRecord.fields(n));
            Dispatcher.Ready ready = new Dispatcher.Ready(journal, id, n, routed.commands(), routed.channels());
            journal.afterRetained(durable -> dispatcher.send(ready));
        } catch (RuntimeException e) { // a bug here must not stop the other contacts' notifications
            log.accept("Error: notification of contact '" + n.contact().name() + "' about " + n.objectKey()
                    + " could not be routed: " + e);
        }
    }

    /** Sends a notification found in the journal at start (decided before a crash or a stop); it keeps its id. */
    void resend(Notification n, long id) {
        dispatcher.send(route(n, id));
    }

    /** Splits the contact's commands into the ones to run and the built-in channels (warning about bad ones). */
    private Dispatcher.Ready route(Notification n, long id) {
        List<String> external = new ArrayList<>();
        Set<String> channels = new LinkedHashSet<>();
        MacroContext ctx = new MacroContext(n.hostName(), n.service(), n.contact().name(), List.of(), n.macros());
        for (String command : n.commands()) {
            if (!builtIn.isBuiltIn(command)) {
                external.add(command);
                continue;
            }
            BuiltInCommands.Channel c = builtIn.channel(command, ctx);
            if (c.name() != null) {
                channels.add(c.name());
            } else {
                log.accept("Warning: notification command '" + command + "' for contact '" + n.contact().name()
                        + "': " + c.problem());
            }
        }
        return new Dispatcher.Ready(journal, id, n, external, List.copyOf(channels));
    }
}
