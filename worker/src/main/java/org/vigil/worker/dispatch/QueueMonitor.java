package org.vigil.worker.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vigil.worker.gearman.FunctionStatus;
import org.vigil.worker.gearman.GearmanAdmin;
import org.vigil.worker.gearman.GearmanException;
import org.vigil.worker.gearman.ServerAddress;
import org.vigil.worker.gearman.WorkerStatus;

/**
 * Polls each gearmand's admin {@code status} and {@code workers} on a daemon thread of its own and keeps the latest
 * {@link QueueSnapshot} per server, for the status page, {@code /metrics} and the JSON API. A server that stops
 * answering shows as unreachable with the reason; the thread never dies of it.
 */
public final class QueueMonitor implements AutoCloseable {

    /** How often the servers are polled by default: gearmand answers in microseconds, ops look every few seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    /** How long a poll waits for a server to connect and answer by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final List<ServerAddress> servers;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final Map<ServerAddress, QueueSnapshot> latest = new LinkedHashMap<>();
    private ScheduledExecutorService poller;

    /** A monitor of {@code servers} (not polling until {@link #start}). */
    public QueueMonitor(List<ServerAddress> servers, Duration interval, Duration timeout, Clock clock) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no gearman server to monitor");
        }
        this.servers = List.copyOf(servers);
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
        for (ServerAddress server : this.servers) {
            latest.put(server, QueueSnapshot.unreachable(server, clock.instant(), QueueSnapshot.NOT_POLLED));
        }
    }

    /** A monitor of {@code servers} with the default interval and timeout on the system clock. */
    public static QueueMonitor of(List<ServerAddress> servers) {
        return new QueueMonitor(servers, DEFAULT_INTERVAL, DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /** Starts polling every server now, then every interval. */
    public synchronized QueueMonitor start() {
        if (poller != null) {
            throw new IllegalStateException("queue monitor already started");
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-gearman-queues");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The latest snapshot of every server, in the order the servers were given. */
    public synchronized List<QueueSnapshot> snapshots() {
        return new ArrayList<>(latest.values());
    }

    /** Polls every server once, now, on the caller's thread. */
    public void pollAll() {
        for (ServerAddress server : servers) {
            QueueSnapshot snapshot = poll(server);
            synchronized (this) {
                latest.put(server, snapshot);
            }
        }
    }

    private QueueSnapshot poll(ServerAddress server) {
        try (GearmanAdmin admin = GearmanAdmin.connect(server, timeout)) {
            List<FunctionStatus> functions = admin.status();
            List<WorkerStatus> workers = admin.workers();
            return QueueSnapshot.answered(server, clock.instant(), functions, workers);
        } catch (GearmanException e) {
            return QueueSnapshot.unreachable(server, clock.instant(), e.getMessage());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: the page would show a stale answer forever
            return QueueSnapshot.unreachable(server, clock.instant(), "gearman server " + server
                    + ": unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
