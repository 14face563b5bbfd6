package org.vigil.web.hooks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The receivers' counters for {@code /metrics}: events carried out or let be, by receiver and result, and requests
 * refused, by receiver and reason. Every series a receiver can have is shown from the start, at 0.
 */
final class ReceiverCounters {

    /** What became of an accepted event, the {@code result} label. */
    enum Result {
        /** Acknowledged in Vigil. */
        ACKNOWLEDGED,
        /** Vigil's acknowledgement removed. */
        UNACKNOWLEDGED,
        /** A resolve shown as a comment. */
        COMMENTED,
        /** Nothing to do: already acknowledged, not acknowledged, or already recovered. */
        UNCHANGED,
        /** An event type Vigil does not act on. */
        IGNORED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final List<Receiver> receivers;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    ReceiverCounters(List<Receiver> receivers) {
        this.receivers = List.copyOf(receivers);
    }

    void accepted(Receiver r, Result result) {
        counts.computeIfAbsent(r.name() + "/" + result.label(), k -> new LongAdder()).increment();
    }

    void refused(Receiver r, Refusal.Reason reason) {
        counts.computeIfAbsent(r.name() + "/" + reason.label(), k -> new LongAdder()).increment();
    }

    private long count(Receiver r, String label) {
        LongAdder a = counts.get(r.name() + "/" + label);
        return a == null ? 0 : a.sum();
    }

    /** Appends both series in Prometheus's text format 0.0.4. */
    void appendPrometheus(StringBuilder out) {
        out.append("# HELP vigil_receiver_events_total Pager webhook events accepted, by receiver and what Vigil "
                + "did (acknowledged, unacknowledged, commented, unchanged, ignored).\n");
        out.append("# TYPE vigil_receiver_events_total counter\n");
        for (Receiver r : receivers) {
            for (Result result : Result.values()) {
                sample(out, "vigil_receiver_events_total", r.name(), "result", result.label(),
                        count(r, result.label()));
            }
        }
        out.append("# HELP vigil_receiver_refused_total Pager webhook requests refused, by receiver and reason; "
                + "nothing changed for them.\n");
        out.append("# TYPE vigil_receiver_refused_total counter\n");
        for (Receiver r : receivers) {
            for (Refusal.Reason reason : Refusal.Reason.values()) {
                boolean otherCredentials = (reason == Refusal.Reason.BAD_SIGNATURE || reason == Refusal.Reason.BAD_TOKEN)
                        && reason != r.badCredentials();
                if (!otherCredentials) {
                    sample(out, "vigil_receiver_refused_total", r.name(), "reason", reason.label(),
                            count(r, reason.label()));
                }
            }
        }
    }

    private static void sample(StringBuilder out, String name, String receiver, String label, String value, long n) {
        out.append(name).append("{receiver=\"").append(receiver).append("\",").append(label).append("=\"")
                .append(value).append("\"} ").append(n).append('\n');
    }
}
