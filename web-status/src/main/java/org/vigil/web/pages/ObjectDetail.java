package org.vigil.web.pages;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vigil.checks.output.PerfData;
import org.vigil.model.CheckView;
import org.vigil.model.CommentView;
import org.vigil.model.DowntimeView;
import org.vigil.web.model.Monitor;
import org.vigil.model.StatusSnapshot;

/**
 * What the host and service detail pages show alike for their object: its check state, its performance data as a
 * table (items that do not follow the plugin guidelines listed as written), who acknowledged it, its comments, its
 * downtimes and its history from the log.
 *
 * @param target the object as an action target: {@code HOST} or {@code HOST;SERVICE}
 * @param acknowledgedBy the author of the acknowledgement comment, "" when not acknowledged or unknown
 */
public record ObjectDetail(String target, CheckView status, List<PerfRow> perfdata, List<String> malformedPerfdata,
                           String acknowledgedBy, List<CommentView> comments, List<DowntimeView> downtimes,
                           LogSlice history) {

    /** How many log entries the history shows. */
    static final int HISTORY = 50;

    private static final Set<String> HOST_HISTORY = Set.of("HOST ALERT", "HOST NOTIFICATION", "HOST DOWNTIME ALERT",
            "HOST FLAPPING ALERT");
    private static final Set<String> SERVICE_HISTORY = Set.of("SERVICE ALERT", "SERVICE NOTIFICATION",
            "SERVICE DOWNTIME ALERT", "SERVICE FLAPPING ALERT");

    public ObjectDetail {
        perfdata = List.copyOf(perfdata);
        malformedPerfdata = List.copyOf(malformedPerfdata);
        comments = List.copyOf(comments);
        downtimes = List.copyOf(downtimes);
    }

    /** The detail of host {@code host}'s service {@code service}, or of the host itself when it is null. */
    static ObjectDetail of(StatusSnapshot s, Monitor monitor, LogTails log, String host, String service,
                           CheckView status) {
        CommentText text = new CommentText(monitor.dateFormat()); // the downtime comments' times in ISO style
        List<CommentView> comments = s.comments().stream()
                .filter(c -> c.host().equals(host) && Objects.equals(service, c.service()))
                .map(c -> new CommentView(c.id(), c.host(), c.service(), c.type(), c.entryTime(), c.author(),
                        text.shown(c.type(), c.text()), c.persistent(), c.expires(), c.expireTime())).toList();
        List<DowntimeView> downtimes = s.downtimes().stream()
                .filter(d -> d.host().equals(host) && Objects.equals(service, d.service())).toList();
        String ackBy = !status.acknowledged() ? "" : comments.stream()
                .filter(c -> c.type().equals("ACKNOWLEDGEMENT")).max(Comparator.comparingLong(CommentView::id))
                .map(CommentView::author).orElse("");
        Set<String> types = service == null ? HOST_HISTORY : SERVICE_HISTORY;
        LogSlice history = LogSlice.newestOf(log, host, e -> types.contains(e.type()) && host.equals(e.host())
                && Objects.equals(service, e.service()), HISTORY);
        PerfData perf = PerfData.parse(status.perfData());
        return new ObjectDetail(service == null ? host : host + ";" + service, status, PerfRow.of(perf),
                perf.malformed(), ackBy, comments, downtimes, history);
    }

    /** The newest acknowledgement comment (who and why), or null when not acknowledged or none is kept. */
    public CommentView acknowledgement() {
        return !status.acknowledged() ? null : comments.stream().filter(c -> c.type().equals("ACKNOWLEDGEMENT"))
                .max(Comparator.comparingLong(CommentView::id)).orElse(null);
    }

    /** The newest downtime in effect (who, until when, why), or null when none. */
    public DowntimeView downtimeInEffect() {
        return downtimes.stream().filter(DowntimeView::inEffect).max(Comparator.comparingLong(DowntimeView::id))
                .orElse(null);
    }

    /** Whether the plugin wrote lines after the first (shown preformatted). */
    public boolean hasLongOutput() {
        return !status.longOutput().isBlank();
    }
}
