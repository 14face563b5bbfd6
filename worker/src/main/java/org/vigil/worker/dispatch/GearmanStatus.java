package org.vigil.worker.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.vigil.worker.gearman.FunctionStatus;

/**
 * The dispatch to gearmand at one moment, as ops read it: what the central node counted ({@link DispatchCounters})
 * beside what each gearmand said at its last poll ({@link QueueSnapshot}), with the queues summed over the servers.
 *
 * @param takenAt  when this view was made
 * @param counters the dispatch's counters
 * @param servers  each gearmand's last answer, or why it gave none
 * @param queues   every queue the servers reported, by name, summed over the servers that answered
 */
public record GearmanStatus(Instant takenAt, DispatchCounters counters, List<QueueSnapshot> servers,
        List<QueueRow> queues) {

    public GearmanStatus {
        servers = List.copyOf(servers);
        queues = List.copyOf(queues);
    }

    /** The view of {@code counters} and {@code servers} at {@code at}. */
    public static GearmanStatus of(Instant at, DispatchCounters counters, List<QueueSnapshot> servers) {
        Map<String, QueueRow> byName = new TreeMap<>();
        for (QueueSnapshot server : servers) {
            for (FunctionStatus f : server.functions()) {
                QueueRow row = new QueueRow(f.function(), f.total(), f.waiting(), f.running(), f.availableWorkers());
                byName.merge(f.function(), row, QueueRow::plus);
            }
        }
        return new GearmanStatus(at, counters, servers, List.copyOf(byName.values()));
    }

    /** A fresh view on each call: the dispatch's counters now and the monitor's latest snapshots. */
    public static Supplier<GearmanStatus> supplier(Supplier<DispatchCounters> counters, QueueMonitor monitor,
                                                   Clock clock) {
        return () -> of(clock.instant(), counters.get(), monitor.snapshots());
    }

    /** Jobs on all queues, running ones included. */
    public long queueDepth() {
        return queues.stream().mapToLong(QueueRow::total).sum();
    }

    /** Jobs no worker has taken yet, on all queues. */
    public long jobsWaiting() {
        return queues.stream().mapToLong(QueueRow::waiting).sum();
    }

    /** Jobs workers run now, on all queues. */
    public long jobsRunning() {
        return queues.stream().mapToLong(QueueRow::running).sum();
    }

    /** Whether checks run on the central node because no gearmand answered for the configured time. */
    public boolean fallback() {
        return counters.runningLocally();
    }

    /** Since when no gearmand answers the dispatch, empty while one does. */
    public Optional<Instant> unreachableSince() {
        return counters.unreachableSince();
    }

    /** The mean result latency in seconds. */
    public double resultLatencySeconds() {
        return counters.resultLatencyMs() / 1000.0;
    }
}
