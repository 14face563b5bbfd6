package org.vigil.engine.downtime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;

/**
 * One scheduled downtime, with the fields of Nagios's {@code scheduled_downtime}. Mutable and owned by the
 * engine thread; {@link DowntimeBook} is the only writer. {@code flexStart} is {@link Instant#EPOCH} until a
 * flexible downtime starts.
 */
public final class Downtime {

    private final long id;
    private final CheckTarget target;
    private final Instant entryTime;
    private final Instant start;
    private final Instant end;
    private final boolean fixed;
    private final long triggeredBy;
    private final long duration;
    private final String author;
    private final String comment;
    private long commentId;
    private boolean inEffect;
    private boolean startNotificationSent;
    private Instant flexStart = Instant.EPOCH;
    /** When the book next handles this downtime (Nagios's start or stop event); null for none. */
    private Instant due;

    Downtime(long id, DowntimeRequest r) {
        this.id = id;
        this.target = r.target();
        this.entryTime = r.entryTime();
        this.start = r.start();
        this.end = r.end();
        this.fixed = r.fixed();
        this.triggeredBy = r.triggeredBy();
        // as Nagios: a fixed downtime lasts from start to end whatever duration was given
        this.duration = r.fixed() ? Duration.between(r.start(), r.end()).toSeconds() : r.duration();
        this.author = r.author();
        this.comment = r.comment();
    }

    public long id() { return id; }
    public CheckTarget target() { return target; }
    public boolean isHost() { return target.isHost(); }
    public Instant entryTime() { return entryTime; }
    public Instant start() { return start; }
    public Instant end() { return end; }
    public boolean fixed() { return fixed; }
    /** The id of the downtime that starts this one, 0 for none. */
    public long triggeredBy() { return triggeredBy; }
    /** Seconds. */
    public long duration() { return duration; }
    public String author() { return author; }
    public String comment() { return comment; }
    public long commentId() { return commentId; }
    public boolean inEffect() { return inEffect; }
    public boolean startNotificationSent() { return startNotificationSent; }
    public Instant flexStart() { return flexStart; }

    Instant due() { return due; }
    void setDue(Instant at) { due = at; }
    void setCommentId(long id) { commentId = id; }
    void setInEffect(boolean b) { inEffect = b; }
    void setStartNotificationSent(boolean b) { startNotificationSent = b; }
    void setFlexStart(Instant t) { flexStart = t; }

    /** When a downtime in effect ends: its end time if fixed, its duration after it started if flexible. */
    Instant stopTime() {
        return fixed ? end : flexStart.plusSeconds(duration);
    }

    /** The retention entry (kind DOWNTIME), with the field names of Nagios's retention.dat. */
    Entry toEntry() {
        Map<String, String> f = new HashMap<>();
        f.put("downtime_type", isHost() ? "2" : "1");
        f.put("comment_id", Long.toString(commentId));
        f.put("entry_time", seconds(entryTime));
        f.put("start_time", seconds(start));
        f.put("flex_downtime_start", seconds(flexStart));
        f.put("end_time", seconds(end));
        f.put("triggered_by", Long.toString(triggeredBy));
        f.put("fixed", fixed ? "1" : "0");
        f.put("duration", Long.toString(duration));
        f.put("is_in_effect", inEffect ? "1" : "0");
        f.put("start_notification_sent", startNotificationSent ? "1" : "0");
        f.put("author", author);
        f.put("comment", comment);
        ObjectKey key = isHost() ? ObjectKey.host(target.hostName())
                : ObjectKey.service(target.hostName(), target.service().description());
        return new Entry(Entry.Kind.DOWNTIME, id, key, f);
    }

    /** The downtime a retained entry describes, for {@code target}; empty if a field is damaged. */
    static Optional<Downtime> fromEntry(Entry e, CheckTarget target) {
        Map<String, String> f = e.fields();
        try {
            DowntimeRequest r = new DowntimeRequest(target, instant(f, "entry_time"), instant(f, "start_time"),
                    instant(f, "end_time"), "1".equals(f.get("fixed")), number(f, "triggered_by"),
                    number(f, "duration"), f.getOrDefault("author", ""), f.getOrDefault("comment", ""));
            Downtime d = new Downtime(e.id(), r);
            d.commentId = number(f, "comment_id");
            d.inEffect = "1".equals(f.get("is_in_effect"));
            d.startNotificationSent = "1".equals(f.get("start_notification_sent"));
            d.flexStart = instant(f, "flex_downtime_start");
            return Optional.of(d);
        } catch (NumberFormatException | NullPointerException ex) {
            return Optional.empty();
        }
    }

    private static long number(Map<String, String> f, String key) {
        return Long.parseLong(f.get(key));
    }

    private static Instant instant(Map<String, String> f, String key) {
        return Instant.ofEpochSecond(number(f, key));
    }

    private static String seconds(Instant t) {
        return Long.toString(t.getEpochSecond());
    }

    @Override
    public String toString() {
        return (isHost() ? "host" : "service") + " downtime " + id + " of " + target;
    }
}
