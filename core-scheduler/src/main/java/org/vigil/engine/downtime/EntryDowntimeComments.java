package org.vigil.engine.downtime;

import java.time.Instant;
import java.util.Map;
import org.vigil.engine.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;

/**
 * Downtime comments kept as plain comment entries through {@link Engine#saveEntry}, with the fields the shared
 * entry convention gives comments. Stands in until the comment feature's own API is wired here.
 */
public final class EntryDowntimeComments implements DowntimeComments {

    /** Nagios's {@code DOWNTIME_COMMENT} entry type. */
    static final String DOWNTIME_COMMENT = "2";

    private final Engine engine;

    public EntryDowntimeComments(Engine engine) {
        this.engine = engine;
    }

    @Override
    public long add(CheckTarget target, String author, String text, Instant at) {
        long id = engine.nextEntryId();
        ObjectKey key = target.isHost() ? ObjectKey.host(target.hostName())
                : ObjectKey.service(target.hostName(), target.service().description());
        engine.saveEntry(new Entry(Entry.Kind.COMMENT, id, key, Map.of(
                "entry_type", DOWNTIME_COMMENT,
                "entry_time", Long.toString(at.getEpochSecond()),
                "author", author,
                "comment_data", text,
                "persistent", "0",
                "source", "0",
                "expires", "0",
                "expire_time", "0")));
        return id;
    }

    @Override
    public void delete(long id) {
        engine.removeEntry(id);
    }
}
