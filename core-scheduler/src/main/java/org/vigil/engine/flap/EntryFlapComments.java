package org.vigil.engine.flap;

import java.time.Instant;
import java.util.Map;
import org.vigil.engine.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;

/**
 * Flapping comments as engine entries (kept in memory and in retention, so they survive restarts), with the
 * fields every comment carries: a non-persistent internal comment by "(Nagios Process)", entry type 3.
 * Engine thread only.
 */
public final class EntryFlapComments implements FlapComments {

    /** Nagios's {@code FLAPPING_COMMENT}. */
    public static final String FLAPPING_COMMENT = "3";
    private final Engine engine;

    public EntryFlapComments(Engine engine) {
        this.engine = engine;
    }

    @Override
    public long add(CheckTarget target, String text, Instant at) {
        long id = engine.nextEntryId();
        ObjectKey key = target.isHost() ? ObjectKey.host(target.hostName())
                : ObjectKey.service(target.hostName(), target.service().description());
        engine.saveEntry(new Entry(Entry.Kind.COMMENT, id, key, Map.of(
                "entry_type", FLAPPING_COMMENT,
                "entry_time", Long.toString(at.getEpochSecond()),
                "author", "(Nagios Process)",
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
