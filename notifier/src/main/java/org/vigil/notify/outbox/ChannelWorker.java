package org.vigil.notify.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.vigil.notify.delivery.Channel;
import org.vigil.notify.delivery.DeliveryException;
import org.vigil.notify.delivery.Notification;

/**
 * Delivers one channel's pending rows on its own thread, so an SMTP outage does not hold up the pager.
 * Each row is tried when due; a failure that may pass is tried again after the backoff, one that cannot
 * (or that outlived {@code giveUpAfter}) is marked failed. Both are logged.
 */
final class ChannelWorker implements Runnable {

    private static final int BATCH = 50;

    private final Channel channel;
    private final OutboxStore store;
    private final OutboxSettings settings;
    private final NotificationCodec codec;
    private final Clock clock;
    private final DeliveryLog log;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean stopping;
    /** Why the outbox database failed this worker last; null since its last pass that worked. Logged once a run. */
    private volatile String lastStoreProblem;

    /** Told the key of each delivery that reached its end (delivered, or failed for good). */
    private final Consumer<String> finished;

    ChannelWorker(Channel channel, OutboxStore store, OutboxSettings settings, NotificationCodec codec, Clock clock,
                  Consumer<String> log, Consumer<String> finished) {
        this.finished = finished;
        this.channel = channel;
        this.store = store;
        this.settings = settings;
        this.codec = codec;
        this.clock = clock;
        this.log = new DeliveryLog(channel.name(), log);
    }

    /** Looks at the table now (a delivery was enqueued). */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    void stop() {
        stopping = true;
        wake();
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                List<StoredDelivery> due = store.due(channel.name(), clock.millis(), BATCH);
                for (StoredDelivery row : due) {
                    if (stopping) {
                        return;
                    }
                    attempt(row);
                }
                lastStoreProblem = null;
                if (due.size() < BATCH) {
                    sleep(waitMillis());
                }
            } catch (SQLException e) {
                storeProblem(e);
                sleep(settings.pollInterval().toMillis());
            } catch (RuntimeException e) {
                // H2 reports some file damage unchecked; the worker must outlive it and keep trying.
                storeProblem(new SQLException(String.valueOf(e.getMessage()), e));
                sleep(settings.pollInterval().toMillis());
            }
        }
    }

    private long waitMillis() throws SQLException {
        OptionalLong next = store.nextDue(channel.name());
        long poll = settings.pollInterval().toMillis();
        return next.isEmpty() ? poll : Math.min(poll, next.getAsLong() - clock.millis());
    }

    private void attempt(StoredDelivery row) throws SQLException {
        int attempts = row.attempts() + 1;
        Notification n;
        try {
            n = codec.decode(row.notification());
        } catch (IllegalArgumentException e) {
            String error = "unreadable outbox row: " + e.getMessage();
            store.failed(row.id(), attempts, clock.millis(), error);
            log.unreadable(row.id(), error);
            finished.accept(row.key());
            return;
        }
        try {
            channel.deliver(n, row.key());
        } catch (DeliveryException e) {
            failed(row, n, attempts, e.getMessage(), e.retryable());
            return;
        } catch (RuntimeException e) {
            failed(row, n, attempts, "unexpected error: " + e, true);
            return;
        }
        markDelivered(row, n, attempts);
    }

    private void failed(StoredDelivery row, Notification n, int attempts, String error, boolean retryable)
            throws SQLException {
        long now = clock.millis();
        String reason = error == null ? "unknown error" : error;
        if (retryable && now - row.createdAt() < settings.giveUpAfter().toMillis()) {
            long wait = settings.backoff().after(attempts).toMillis();
            store.retryLater(row.id(), attempts, now + wait, reason);
            log.retrying(n, attempts, reason, wait);
        } else {
            store.failed(row.id(), attempts, now, reason);
            log.failed(n, attempts, reason, retryable);
            finished.accept(row.key());
        }
    }

    /**
     * Sent: the mark must reach the store or the row would be sent again, so a failing store is retried
     * here (the only way to send twice is to stop the process in this loop).
     */
    private void markDelivered(StoredDelivery row, Notification n, int attempts) {
        while (true) {
            try {
                store.delivered(row.id(), attempts, clock.millis());
                log.delivered(n, attempts);
                finished.accept(row.key());
                return;
            } catch (SQLException e) {
                storeProblem(e);
                if (stopping) {
                    return;
                }
                sleep(settings.pollInterval().toMillis());
            }
        }
    }

    private void storeProblem(SQLException e) {
        String problem = store.where() + ": " + e.getMessage();
        if (lastStoreProblem == null) {
            log.storeProblem(problem);
        }
        lastStoreProblem = problem;
    }

    /** Why the outbox database failed this worker's last pass; empty once a pass worked. */
    java.util.Optional<String> storeProblem() {
        return java.util.Optional.ofNullable(lastStoreProblem);
    }

    private void sleep(long millis) {
        synchronized (signal) {
            long end = System.nanoTime() + millis * 1_000_000;
            while (!woken && !stopping) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            woken = false;
        }
    }
}
