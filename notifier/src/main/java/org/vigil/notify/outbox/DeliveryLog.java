package org.vigil.notify.outbox;

import java.util.function.Consumer;
import org.vigil.notify.delivery.Notification;

/**
 * The outbox's log lines, in the Nagios log's {@code KIND: field;field;...} shape:
 * {@code NOTIFICATION DELIVERY: channel;contact;host;service;TYPE;what happened}.
 */
final class DeliveryLog {

    private final String channel;
    private final Consumer<String> sink;

    DeliveryLog(String channel, Consumer<String> sink) {
        this.channel = channel;
        this.sink = sink;
    }

    void delivered(Notification n, int attempts) {
        line(n, attempts == 1 ? "delivered" : "delivered at attempt " + attempts);
    }

    void retrying(Notification n, int attempts, String error, long waitMillis) {
        line(n, "attempt " + attempts + " failed (" + oneLine(error) + "), retrying in " + seconds(waitMillis));
    }

    void failed(Notification n, int attempts, String error, boolean retryable) {
        line(n, "FAILED after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " ("
                + oneLine(error) + ")" + (retryable ? ", giving up" : ", not retried"));
    }

    void unreadable(long id, String error) {
        sink.accept("NOTIFICATION DELIVERY: " + channel + ";delivery " + id + " FAILED (" + oneLine(error) + ")");
    }

    void storeProblem(String problem) {
        sink.accept("NOTIFICATION DELIVERY: " + channel + ";outbox database error: " + oneLine(problem)
                + "; retrying");
    }

    private void line(Notification n, String what) {
        sink.accept("NOTIFICATION DELIVERY: " + channel + ";" + n.contact().name() + ";" + n.host() + ";"
                + (n.service() == null ? "" : n.service() + ";") + n.type() + ";" + what);
    }

    private static String seconds(long millis) {
        if (millis < 1000) {
            return millis + "ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
