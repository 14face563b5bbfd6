package org.vigil.engine.downtime;

import java.util.Collection;

/** The {@code hostdowntime {}} and {@code servicedowntime {}} blocks of status.dat, as nagios4 4.4.6 writes them. */
public final class DowntimeStatus {

    private DowntimeStatus() {
    }

    /** The blocks of {@code downtimes}, in the order given (use {@link DowntimeBook#all}). */
    public static String render(Collection<Downtime> downtimes) {
        StringBuilder sb = new StringBuilder(downtimes.size() * 400);
        renderTo(sb, downtimes);
        return sb.toString();
    }

    /** Appends the blocks of {@code downtimes} to {@code sb}. */
    public static void renderTo(StringBuilder sb, Collection<Downtime> downtimes) {
        for (Downtime d : downtimes) {
            sb.append(d.isHost() ? "hostdowntime {\n" : "servicedowntime {\n");
            kv(sb, "host_name", d.target().hostName());
            if (!d.isHost()) {
                kv(sb, "service_description", d.target().service().description());
            }
            kv(sb, "downtime_id", d.id());
            kv(sb, "comment_id", d.commentId());
            kv(sb, "entry_time", d.entryTime().getEpochSecond());
            kv(sb, "start_time", d.start().getEpochSecond());
            kv(sb, "flex_downtime_start", d.flexStart().getEpochSecond());
            kv(sb, "end_time", d.end().getEpochSecond());
            kv(sb, "triggered_by", d.triggeredBy());
            kv(sb, "fixed", d.fixed() ? 1 : 0);
            kv(sb, "duration", d.duration());
            kv(sb, "is_in_effect", d.inEffect() ? 1 : 0);
            kv(sb, "start_notification_sent", d.startNotificationSent() ? 1 : 0);
            kv(sb, "author", d.author());
            kv(sb, "comment", d.comment());
            sb.append("\t}\n\n");
        }
    }

    private static void kv(StringBuilder sb, String key, Object value) {
        sb.append('\t').append(key).append('=').append(value).append('\n');
    }
}
