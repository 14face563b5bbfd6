package org.vigil.engine.nagiosstate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;

/**
 * Nagios's comment and downtime blocks as Vigil's retained entries. The entries' field names are Nagios's own
 * (Vigil's {@code Comment} and {@code Downtime} keep them so), so a field is copied as it is.
 */
final class EntryBlocks {

    /** Nagios's entry_type of a flapping comment. */
    private static final String FLAPPING = "3";
    private static final String[] COMMENT_FIELDS = {"entry_type", "entry_time", "author", "comment_data",
            "persistent", "source", "expires", "expire_time"};
    private static final String[] DOWNTIME_FIELDS = {"entry_time", "start_time", "flex_downtime_start", "end_time",
            "triggered_by", "fixed", "duration", "is_in_effect", "start_notification_sent", "author", "comment"};

    private EntryBlocks() {
    }

    static Optional<Entry> comment(StateFile.Block b, long id, Set<ObjectKey> existing, ImportReport report) {
        ObjectKey target = attachedTo(b, existing, report, "comment " + b.get("comment_id"));
        if (target == null) {
            return Optional.empty();
        }
        if (FLAPPING.equals(b.get("entry_type"))) {
            report.skipped("the flapping comment " + b.get("comment_id") + " of " + target + ": made again when the"
                    + " object is still flapping, as Nagios 4.4.6 does at start");
            return Optional.empty();
        }
        Map<String, String> f = new HashMap<>();
        for (String name : COMMENT_FIELDS) {
            f.put(name, b.get(name));
        }
        f.putIfAbsent("expire_time", "0");
        report.took("comments");
        return Optional.of(new Entry(Entry.Kind.COMMENT, id, target, f));
    }

    static Optional<Entry> downtime(StateFile.Block b, Map<Long, Long> commentIds, Set<ObjectKey> existing,
                                    ImportReport report) {
        long id = StateImport.number(b.get("downtime_id"));
        ObjectKey target = attachedTo(b, existing, report, "downtime " + id);
        if (target == null) {
            return Optional.empty();
        }
        if (id <= 0) {
            report.skipped("a downtime of " + target + " without a downtime_id (line " + b.line() + ")");
            return Optional.empty();
        }
        Map<String, String> f = new HashMap<>();
        for (String name : DOWNTIME_FIELDS) {
            f.put(name, b.get(name));
        }
        long comment = StateImport.number(b.get("comment_id"));
        f.put("comment_id", Long.toString(commentIds.getOrDefault(comment, comment)));
        f.put("downtime_type", target.kind() == ObjectKey.Kind.HOST ? "2" : "1");
        report.took("downtimes");
        report.took(StateImport.number(f.get("triggered_by")) != 0 ? "downtimes: triggered"
                : f.get("fixed").equals("1") ? "downtimes: fixed" : "downtimes: flexible");
        return Optional.of(new Entry(Entry.Kind.DOWNTIME, id, target, f));
    }

    /** The object an entry block names, or null (with the reason reported) when Vigil's config has no such one. */
    private static ObjectKey attachedTo(StateFile.Block b, Set<ObjectKey> existing, ImportReport report, String what) {
        ObjectKey target = StateImport.target(b);
        if (target == null) {
            report.skipped(what + " (line " + b.line() + "): a service entry without service_description");
            return null;
        }
        if (!existing.contains(target)) {
            report.skipped(what + " of " + target + ": not in Vigil's config");
            return null;
        }
        return target;
    }
}
