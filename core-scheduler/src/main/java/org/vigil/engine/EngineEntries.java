package org.vigil.engine;

import org.vigil.engine.ack.Acknowledgements;
import org.vigil.engine.comment.Comments;
import org.vigil.engine.downtime.DowntimeBook;

/**
 * The entries of one engine, each an aggregate of its own package kept through the {@link EntryStore}: comments,
 * acknowledgements (with their comments) and scheduled downtimes (with theirs).
 */
record EngineEntries(EntryStore store, Comments comments, Acknowledgements acknowledgements,
                     DowntimeBook downtimes) {
}
