package org.vigil.notify.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vigil.engine.NotificationJournal;
import org.vigil.notify.outbox.Outbox;
import org.vigil.notify.outbox.OutboxException;
import org.vigil.notify.rules.CommandSink;
import org.vigil.notify.rules.Notification;
import org.vigil.notify.rules.StartMarkers;

/**
 * Sends notifications whose cause is retained, on one thread of its own, in the order they were decided: the
 * built-in channels' deliveries to the outbox (durable, and stored once however often they are enqueued), the
 * commands to the command sink under their {@link StartMarkers} (started once however often they are delivered).
 * An entry is settled in the journal only once its commands ended and its deliveries are delivered (or failed for
 * good), so a crash at any instant leaves it there to be delivered again at the next start, which neither stores
 * nor starts anything twice, and stores again what the outbox's own database lost (H2 was seen to lose the last
 * seconds of commits of a process killed with -9). The commands run on the command sink of the config running when
 * they leave (a reload in between does not drop them).
 */
final class Dispatcher implements AutoCloseable {

    /** A notification ready to leave: its journal entry (0: none), where it goes. */
    record Ready(NotificationJournal journal, long id, Notification n, List<String> commands, List<String> channels) {
    }

    /** How long closing waits for the queue to be sent. */
    private static final long CLOSE_WAIT_SECONDS = 30;
    private static final Ready STOP = new Ready(null, 0, null, List.of(), List.of());

    private final BlockingQueue<Ready> queue = new LinkedBlockingQueue<>();
    private final Supplier<Outbox> outbox;
    private final Supplier<CommandSink> commands;
    private final Supplier<Optional<StartMarkers>> markers;
    private final Consumer<String> log;
    private final Thread thread;
    private volatile boolean closed;

    Dispatcher(Supplier<Outbox> outbox, Supplier<CommandSink> commands, Supplier<Optional<StartMarkers>> markers,
               Consumer<String> log) {
        this.outbox = outbox;
        this.commands = commands;
        this.markers = markers;
        this.log = log;
        this.thread = new Thread(this::loop, "vigil-notify-dispatch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code r}; any thread, never blocks. After close it stays in the journal for the next start. */
    void send(Ready r) {
        if (closed) {
            log.accept("Warning: notification of contact '" + r.n().contact().name() + "' about " + r.n().objectKey()
                    + " not sent: the monitor is shutting down" + (r.id() > 0 ? " (it is sent at the next start)" : ""));
            return;
        }
        queue.add(r);
    }

    private void loop() {
        List<Ready> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            boolean stop = batch.remove(STOP);
            try {
                dispatch(batch);
            } catch (RuntimeException e) { // a bug here must not stop every later notification
                log.accept("Error: notifications could not be dispatched: " + e);
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    /**
     * A journaled notification on its way: its entry is settled when its commands have ended and each of its outbox
     * deliveries is delivered or failed for good. Until then a crash leaves it in the journal, and the next start
     * delivers it again (which starts no command twice and stores no delivery twice, but stores again one the
     * outbox lost).
     */
    private final class Tracker {
        final Ready ready;
        final AtomicInteger left;
        final Optional<StartMarkers> guard;

        Tracker(Ready ready, int parts, Optional<StartMarkers> guard) {
            this.ready = ready;
            this.left = new AtomicInteger(parts);
            this.guard = guard;
        }

        void partDone() {
            if (left.decrementAndGet() == 0) {
                settle(ready, guard);
            }
        }
    }

    /** Outbox keys not yet delivered, of journaled notifications (see {@link Tracker}). */
    private final Map<String, Tracker> awaited = new ConcurrentHashMap<>();

    /** The outbox delivered {@code key}, or gave up on it. Any thread. */
    void finished(String key) {
        Tracker t = awaited.remove(key);
        if (t != null) {
            t.partDone();
        }
    }

    private void dispatch(List<Ready> batch) {
        // commands first: they only need a thread, while each outbox write waits for the disk
        List<Tracker> trackers = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        for (Ready r : batch) {
            Optional<StartMarkers> guard = r.id() > 0 && !r.commands().isEmpty() ? markers.get() : Optional.empty();
            List<String> k = r.channels().isEmpty() || outbox.get() == null ? List.of()
                    : outbox.get().keys(DeliveryMapping.of(r.n()), r.channels());
            // one part per outbox delivery, one for the commands, one for this method (so nothing settles midway)
            Tracker t = r.id() > 0 ? new Tracker(r, k.size() + (r.commands().isEmpty() ? 0 : 1) + 1, guard) : null;
            trackers.add(t);
            keys.add(k);
            if (!r.commands().isEmpty()) {
                run(r, guard, t);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            Ready r = batch.get(i);
            Tracker t = trackers.get(i);
            boolean stored = true;
            if (!r.channels().isEmpty()) {
                if (t != null) {
                    keys.get(i).forEach(k -> awaited.put(k, t));
                }
                stored = enqueue(r, keys.get(i));
            }
            if (t != null && stored) {
                t.partDone();
            }
        }
    }

    /** Stores {@code r}'s deliveries; counts those already finished (a resend). False when they could not be stored. */
    private boolean enqueue(Ready r, List<String> keys) {
        Outbox o = outbox.get();
        String channels = String.join(",", r.channels());
        org.vigil.notify.delivery.Notification d = DeliveryMapping.of(r.n());
        if (o == null) {
            log.accept("Error: NOTIFICATION DELIVERY: " + channels + ";" + r.n().contact().name() + ";"
                    + r.n().objectKey() + ";" + r.n().type() + ";not queued: the outbox is not open (see the start of the log)");
            return false;
        }
        try {
            o.enqueue(d, r.channels());
            if (r.id() > 0) {
                o.finished(keys).forEach(this::finished);
            }
            return true;
        } catch (OutboxException e) {
            keys.forEach(awaited::remove); // left in the journal: the next start tries again
            log.accept("Error: NOTIFICATION DELIVERY: " + channels + ";" + d.contact().name() + ";" + d.subject() + ";"
                    + d.type() + ";not queued: " + e.getMessage() + (r.id() > 0 ? " (tried again at the next start)" : ""));
            return false;
        }
    }

    private void run(Ready r, Optional<StartMarkers> guard, Tracker t) {
        Notification n = r.n();
        Notification toRun = new Notification(n.reason(), n.type(), n.hostName(), n.service(), n.contact(),
                r.commands(), n.number(), n.state(), n.output(), n.author(), n.comment(), n.escalated(), n.time(),
                n.recipients(), n.macros());
        try {
            commands.get().deliver(toRun, r.id(), guard, () -> {
                if (t != null) {
                    t.partDone();
                }
            });
        } catch (RejectedExecutionException e) { // shutting down: the journal keeps it for the next start
            log.accept("Warning: notification commands for contact '" + n.contact().name() + "' about "
                    + n.objectKey() + " not run: the monitor is shutting down"
                    + (r.id() > 0 ? " (they run at the next start)" : ""));
        }
    }

    /** Every part ended: settle the entry, and once that is durable its markers are no longer needed. */
    private static void settle(Ready r, Optional<StartMarkers> guard) {
        if (guard.isEmpty()) {
            r.journal().settle(r.id());
            return;
        }
        r.journal().settleDurably(List.of(r.id())).thenAccept(durable -> {
            if (durable) {
                guard.get().forget(r.id(), r.commands().size());
            }
        });
    }

    /** Sends what is queued, then stops; what arrives later stays in the journal for the next start. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
