package org.vigil.notify.setup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.vigil.checks.macro.MacroContext;
import org.vigil.notify.outbox.Outbox;
import org.vigil.notify.outbox.OutboxException;
import org.vigil.notify.rules.CommandSink;
import org.vigil.notify.rules.Notification;
import org.vigil.notify.rules.NotificationSink;

/**
 * Sends each contact's notification the way its commands say: {@code vigil-notify} commands to the outbox of the
 * built-in channels, every other command to the {@link CommandSink}, which runs it as Nagios does. Called on the
 * engine thread; the outbox is written on one queue thread of its own, in order, so a slow disk never stalls
 * the engine.
 */
final class RoutingSink implements NotificationSink {

    private final BuiltInCommands builtIn;
    private final CommandSink commands;
    private final Outbox outbox;
    private final ExecutorService queue;
    private final Consumer<String> log;

    RoutingSink(BuiltInCommands builtIn, CommandSink commands, Outbox outbox, ExecutorService queue,
                Consumer<String> log) {
        this.builtIn = builtIn;
        this.commands = commands;
        this.outbox = outbox;
        this.queue = queue;
        this.log = log;
    }

    @Override
    public void deliver(Notification n) {
        try {
            route(n);
        } catch (RuntimeException e) { // a bug here must not stop the other contacts' notifications
            log.accept("Error: notification of contact '" + n.contact().name() + "' about " + n.objectKey()
                    + " could not be routed: " + e);
        }
    }

    private void route(Notification n) {
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
        if (!external.isEmpty()) {
            try {
                commands.deliver(new Notification(n.reason(), n.type(), n.hostName(), n.service(), n.contact(),
                        external, n.number(), n.state(), n.output(), n.author(), n.comment(), n.escalated(), n.time(),
                        n.recipients(), n.macros()));
            } catch (RejectedExecutionException e) { // a replaced config's sink after a reload, or shutting down
                log.accept("Warning: notification commands for contact '" + n.contact().name()
                        + "' not run: the monitor is reloading or shutting down");
            }
        }
        if (!channels.isEmpty()) {
            enqueue(n, List.copyOf(channels));
        }
    }

    private void enqueue(Notification n, List<String> channels) {
        if (outbox == null) {
            log.accept("Error: NOTIFICATION DELIVERY: " + String.join(",", channels) + ";" + n.contact().name() + ";"
                    + n.objectKey() + ";" + n.type() + ";not queued: the outbox is not open (see the start of the log)");
            return;
        }
        org.vigil.notify.delivery.Notification d = DeliveryMapping.of(n);
        try {
            queue.execute(() -> {
                try {
                    outbox.enqueue(d, channels);
                } catch (OutboxException e) {
                    log.accept("Error: NOTIFICATION DELIVERY: " + String.join(",", channels) + ";" + d.contact().name()
                            + ";" + d.subject() + ";" + d.type() + ";not queued: " + e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            log.accept("Warning: NOTIFICATION DELIVERY: " + d.subject() + ";" + d.type()
                    + ";not queued: the monitor is shutting down");
        }
    }
}
