package org.vigil.notify.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.vigil.notify.delivery.Channel;
import org.vigil.notify.delivery.Notification;

/**
 * The durable outbox every notification goes through. {@link #enqueue} stores one delivery per channel in
 * one committed transaction before it returns; one worker thread per channel delivers them, retries with
 * backoff, and marks each delivered in the same store. A delivery's key (the notification's event key and
 * the channel) is unique, so enqueuing the same notification again, or restarting, never sends it twice.
 */
public final class Outbox implements AutoCloseable {

    private final OutboxStore store;
    private final OutboxSettings settings;
    private final Clock clock;
    private final Consumer<String> log;
    private final NotificationCodec codec = new NotificationCodec();
    private final Map<String, ChannelWorker> workers = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService pruner;
    private volatile boolean closed;
    /** Told the key of each delivery that reached its end; see {@link #onFinished}. */
    private volatile Consumer<String> finishedListener = key -> { };
    /** Why the last {@link #enqueue} could not store its notification; null once one was stored. */
    private volatile String enqueueProblem;

    private Outbox(OutboxStore store, OutboxSettings settings, Clock clock, Consumer<String> log) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
        this.pruner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-outbox-pruner");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the outbox and starts delivering what is pending for {@code channels} (including what an earlier
     * run left). Log lines go to {@code log}.
     *
     * @throws OutboxException when the database cannot be opened, with a message for the user
     */
    public static Outbox open(OutboxSettings settings, Collection<? extends Channel> channels, Clock clock,
                              Consumer<String> log) {
        Outbox outbox = new Outbox(OutboxStore.open(settings.jdbcUrl()), settings, clock, log);
        for (Channel channel : channels) {
            if (outbox.workers.containsKey(channel.name())) {
                outbox.close();
                throw new IllegalArgumentException("two channels are named " + channel.name());
            }
            ChannelWorker worker = new ChannelWorker(channel, outbox.store, settings, outbox.codec, clock, log,
                    outbox::finished);
            outbox.workers.put(channel.name(), worker);
            Thread t = new Thread(worker, "vigil-outbox-" + channel.name());
            t.setDaemon(true);
            outbox.threads.add(t);
        }
        outbox.threads.forEach(Thread::start);
        outbox.pruner.scheduleWithFixedDelay(outbox::prune, 1, 60, TimeUnit.MINUTES);
        return outbox;
    }

    /**
     * Tells {@code listener} (on a channel's worker thread; it must be quick) the key of each delivery once it is
     * delivered, or failed for good. The caller that enqueued it may then forget it.
     */
    public void onFinished(Consumer<String> listener) {
        this.finishedListener = listener;
    }

    private void finished(String key) {
        try {
            finishedListener.accept(key);
        } catch (RuntimeException e) { // the listener's bug must not stop the channel
            log.accept("Error: NOTIFICATION DELIVERY: after delivery " + key + ": " + e);
        }
    }

    /** The keys {@link #enqueue} stores {@code notification} under, one per channel this outbox has. */
    public List<String> keys(Notification notification, Collection<String> channelNames) {
        return channelNames.stream().filter(workers::containsKey).map(name -> notification.eventKey() + ":" + name)
                .toList();
    }

    /**
     * Which of {@code keys} are delivered or failed for good (a key never stored is in neither).
     *
     * @throws OutboxException when the database cannot be read
     */
    public java.util.Set<String> finished(Collection<String> keys) {
        try {
            return store.finished(keys);
        } catch (SQLException | RuntimeException e) {
            throw new OutboxException(store.where() + ": cannot read the outbox: " + firstLine(e), e);
        }
    }

    /**
     * Stores {@code notification} for each of {@code channelNames}, durably, then wakes their workers.
     * A channel this outbox does not have is logged and left out; a notification already enqueued for a
     * channel is not stored again.
     *
     * @return how many deliveries were newly stored
     * @throws OutboxException when the database cannot be written (nothing was stored)
     */
    public int enqueue(Notification notification, Collection<String> channelNames) {
        String json = codec.encode(notification);
        String orderKey = notification.streamKey();
        List<NewDelivery> rows = new ArrayList<>();
        for (String name : channelNames) {
            if (!workers.containsKey(name)) {
                log.accept("NOTIFICATION DELIVERY: " + name + ";" + notification.contact().name() + ";"
                        + notification.subject() + ";" + notification.type()
                        + ";not queued: there is no channel named '" + name + "' (channels: "
                        + String.join(", ", workers.keySet()) + ")");
                continue;
            }
            rows.add(new NewDelivery(notification.eventKey() + ":" + name, name, orderKey, json));
        }
        if (rows.isEmpty()) {
            return 0;
        }
        int inserted;
        try {
            inserted = store.insert(rows, clock.millis());
        } catch (SQLException | RuntimeException e) {
            enqueueProblem = store.where() + ": cannot store notifications: " + firstLine(e);
            throw new OutboxException(store.where() + ": cannot store the notification: " + firstLine(e), e);
        }
        enqueueProblem = null;
        rows.forEach(r -> workers.get(r.channel()).wake());
        return inserted;
    }

    /**
     * Why the outbox cannot be written now: the last notification could not be stored, or a channel's worker could
     * not record its deliveries; empty once they succeed again.
     */
    public java.util.Optional<String> writeProblem() {
        String e = enqueueProblem;
        if (e != null) {
            try { // no notification may come for hours: see whether a write gets through now
                store.probe();
                enqueueProblem = null;
            } catch (SQLException | RuntimeException stillFailing) {
                return java.util.Optional.of(e);
            }
        }
        return workers.values().stream().map(ChannelWorker::storeProblem).flatMap(java.util.Optional::stream)
                .findFirst();
    }

    /** The I/O error under the driver's wrapping if there is one (H2 names none), else the message's first line. */
    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null) {
                return "the file cannot be written: " + t.getMessage();
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.replaceAll(";? ?SQL statement:.*$", "").strip();
    }

    /** Deliveries in the given states (e.g. pending and failed, with their last error), oldest first. */
    public List<Delivery> deliveries(Set<DeliveryStatus> statuses) {
        try {
            List<Delivery> out = new ArrayList<>();
            for (StoredDelivery row : store.list(statuses.isEmpty() ? EnumSet.noneOf(DeliveryStatus.class) : statuses)) {
                out.add(view(row));
            }
            return out;
        } catch (SQLException e) {
            throw new OutboxException(store.where() + ": cannot read the outbox: " + e.getMessage(), e);
        }
    }

    /** Deliveries not yet delivered: pending and failed, for the status page. */
    public List<Delivery> undelivered() {
        return deliveries(EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED));
    }

    /** Tries a failed delivery again, now; false if {@code id} is not a failed delivery. */
    public boolean retry(long id) {
        try {
            boolean requeued = store.requeue(id, clock.millis());
            if (requeued) {
                workers.values().forEach(ChannelWorker::wake);
            }
            return requeued;
        } catch (SQLException e) {
            throw new OutboxException(store.where() + ": cannot requeue delivery " + id + ": " + e.getMessage(), e);
        }
    }

    private Delivery view(StoredDelivery row) {
        Notification n;
        try {
            n = codec.decode(row.notification());
        } catch (IllegalArgumentException e) {
            n = null;
        }
        return new Delivery(row.id(), row.key(), row.channel(), n, row.status(), row.attempts(),
                Instant.ofEpochMilli(row.createdAt()), Instant.ofEpochMilli(row.nextAttemptAt()), row.lastError(),
                row.finishedAt() == 0 ? null : Instant.ofEpochMilli(row.finishedAt()));
    }

    /** Who used an email action link, and when. */
    public record TokenUse(String by, Instant at) {
    }

    /**
     * Marks the email action token {@code id} used by {@code by} now, kept until {@code expires}; if it was used
     * before, that earlier use, and nothing changes.
     *
     * @throws OutboxException when the database cannot be written (the action must then not be done)
     */
    public java.util.Optional<TokenUse> useToken(String id, String by, Instant expires) {
        try {
            return store.claimToken(id, by, clock.millis(), expires.toEpochMilli());
        } catch (SQLException e) {
            throw new OutboxException(store.where() + ": cannot record the use of an email link: " + firstLine(e), e);
        }
    }

    /** The earlier use of email action token {@code id}, if any. */
    public java.util.Optional<TokenUse> tokenUse(String id) {
        try {
            return store.tokenUse(id);
        } catch (SQLException e) {
            throw new OutboxException(store.where() + ": cannot read the uses of email links: " + firstLine(e), e);
        }
    }

    /** Forgets the use of token {@code id}: what it asked for was refused, so the link may be tried again. */
    public void releaseToken(String id) {
        try {
            store.releaseToken(id);
        } catch (SQLException e) {
            throw new OutboxException(store.where() + ": cannot record the use of an email link: " + firstLine(e), e);
        }
    }

    private void prune() {
        try {
            store.pruneTokens(clock.millis());
            store.pruneDelivered(clock.millis() - settings.keepDelivered().toMillis());
        } catch (SQLException | RuntimeException e) {
            log.accept("NOTIFICATION DELIVERY: outbox database error while pruning delivered rows: " + e.getMessage());
        }
    }

    /** Stops the workers (an attempt in progress finishes) and closes the database; pending rows stay for the next run. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pruner.shutdownNow();
        workers.values().forEach(ChannelWorker::stop);
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        store.close();
    }
}
