package org.vigil.app.cli;

import java.util.List;
import java.util.function.Supplier;
import org.vigil.web.model.GearmanReport;
import org.vigil.worker.dispatch.DispatchCounters;
import org.vigil.worker.dispatch.GearmanStatus;
import org.vigil.worker.dispatch.QueueRow;
import org.vigil.worker.dispatch.QueueSnapshot;

/**
 * The gearman dispatch's status ({@link GearmanStatus}, worker module) as the web layer's {@link GearmanReport}:
 * the two modules know nothing of each other, so {@code vigil run} translates, as it does for the metric writers.
 */
final class GearmanReports {

    private GearmanReports() {
    }

    /** A report made from {@code status} on each call (each page, scrape or API request). */
    static Supplier<GearmanReport> of(Supplier<GearmanStatus> status) {
        return () -> report(status.get());
    }

    static GearmanReport report(GearmanStatus s) {
        DispatchCounters c = s.counters();
        return new GearmanReport(s.takenAt(), s.fallback(), s.unreachableSince(),
                new GearmanReport.Counts(c.submitted(), c.results(), c.orphaned(), c.resubmitted(), c.ranLocally(),
                        c.rejectedResults(), c.pending()),
                c.resultLatencyMs(), queues(s.queues()),
                s.servers().stream().map(GearmanReports::server).toList(), c.lastProblem());
    }

    private static List<GearmanReport.Queue> queues(List<QueueRow> rows) {
        return rows.stream().map(q -> new GearmanReport.Queue(q.queue(), q.total(), q.waiting(), q.running(),
                q.workers())).toList();
    }

    private static GearmanReport.Server server(QueueSnapshot q) {
        return new GearmanReport.Server(q.server().toString(), q.problem(), q.polledAt(),
                q.workerConnections().size());
    }
}
