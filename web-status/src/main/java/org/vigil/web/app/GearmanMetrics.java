package org.vigil.web.app;

import java.util.Locale;
import java.util.function.ToLongFunction;
import org.vigil.web.model.GearmanReport;
import org.vigil.web.model.GearmanReport.Queue;

/** The gearman dispatch's series on {@code /metrics}: queues per gearmand's admin status, counters, fallback. */
final class GearmanMetrics {

    private GearmanMetrics() {
    }

    /** Appends {@code s}'s series in Prometheus's text format 0.0.4. */
    static void append(GearmanReport s, StringBuilder out) {
        queues(out, s, "vigil_gearman_queue_waiting", "Jobs waiting for a worker, per queue.", Queue::waiting);
        queues(out, s, "vigil_gearman_queue_running", "Jobs a worker runs now, per queue.", Queue::running);
        queues(out, s, "vigil_gearman_queue_workers", "Workers serving each queue.", Queue::workers);
        GearmanReport.Counts c = s.counts();
        counter(out, "vigil_gearman_jobs_submitted_total", "Jobs queued on gearmand.", c.submitted());
        counter(out, "vigil_gearman_results_total", "Results read back from gearmand.", c.results());
        counter(out, "vigil_gearman_orphaned_total", "Checks ended as orphan results (no result in time).",
                c.orphaned());
        counter(out, "vigil_gearman_resubmitted_total", "Jobs submitted again after no result came.",
                c.resubmitted());
        counter(out, "vigil_gearman_ran_locally_total", "Checks run on this machine (local groups, no queue, "
                + "or the local fallback).", c.ranLocally());
        counter(out, "vigil_gearman_rejected_results_total", "Results that could not be read (wrong key, clear "
                + "text refused, garbage).", c.rejectedResults());
        gauge(out, "vigil_gearman_pending", "Checks waiting for their result now.", Long.toString(c.pending()));
        gauge(out, "vigil_gearman_result_latency_seconds", "Mean delay from a job's planned time to its result.",
                String.format(Locale.ROOT, "%.6f", s.resultLatencyMs() / 1000));
        gauge(out, "vigil_gearman_fallback", "1 while checks run on this machine because no gearmand answers.",
                s.fallback() ? "1" : "0");
        help(out, "vigil_gearman_server_up", "gauge", "1 if the gearmand answered the last admin poll.");
        for (GearmanReport.Server server : s.servers()) {
            out.append("vigil_gearman_server_up{server=\"").append(label(server.server())).append("\"} ")
                    .append(server.up() ? 1 : 0).append('\n');
        }
    }

    private static void queues(StringBuilder out, GearmanReport s, String name, String text,
                               ToLongFunction<Queue> value) {
        help(out, name, "gauge", text);
        for (Queue q : s.queues()) {
            out.append(name).append("{queue=\"").append(label(q.queue())).append("\"} ")
                    .append(value.applyAsLong(q)).append('\n');
        }
    }

    private static void counter(StringBuilder out, String name, String text, long value) {
        help(out, name, "counter", text);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String text, String value) {
        help(out, name, "gauge", text);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void help(StringBuilder out, String name, String type, String text) {
        out.append("# HELP ").append(name).append(' ').append(text).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** A label value escaped as the text format asks: backslash, double quote and newline. */
    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
