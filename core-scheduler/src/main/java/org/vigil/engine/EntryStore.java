package org.vigil.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.engine.comment.EntrySink;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.WriteBehindRetention;

/**
 * The entries the engine holds (comments, downtimes, acknowledgement comments, as retention keeps them) and their
 * ids. The comments, downtimes and acknowledgements keep themselves here through {@link EntrySink}, so they never
 * reach back into the engine. Engine thread only.
 */
final class EntryStore implements EntrySink {

    private final Map<Long, Entry> entries = new TreeMap<>();
    private WriteBehindRetention retention;
    /** Entry ids when retention is off: above every id seen. */
    private long lastEntryId;

    /** From now on entries are kept in {@code writer} too, and new ids come from it. */
    void attach(WriteBehindRetention writer) {
        this.retention = writer;
    }

    /** A new entry id: retention's when retention is on, else from memory above every id seen. */
    @Override
    public long nextEntryId() {
        if (retention != null) {
            return retention.nextEntryId();
        }
        return ++lastEntryId;
    }

    /** Keeps {@code entry} (new or changed) in memory and in retention. */
    @Override
    public void saveEntry(Entry entry) {
        entries.put(entry.id(), entry);
        lastEntryId = Math.max(lastEntryId, entry.id());
        if (retention != null) {
            retention.saveEntry(entry);
        }
    }

    /** Forgets entry {@code id}. */
    @Override
    public void removeEntry(long id) {
        entries.remove(id);
        if (retention != null) {
            retention.removeEntry(id);
        }
    }

    /** Holds a restored entry in memory only (retention has it already). */
    void keep(Entry entry) {
        entries.put(entry.id(), entry);
    }

    /** Ids are handed out above {@code id} from now on (restored entries, a replaced engine's ids). */
    void seen(long id) {
        lastEntryId = Math.max(lastEntryId, id);
    }

    long lastEntryId() {
        return lastEntryId;
    }

    /** The entries held now, in id order. */
    List<Entry> all() {
        return List.copyOf(entries.values());
    }
}
