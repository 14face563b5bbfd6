package org.vigil.web.history;

/**
 * One entry of a subject's history (avail.cgi's {@code archived_state}, without its text, which no report shows):
 * what it says, when, and the state the walk found in force just before it ({@code processed}, set while
 * computing). A downtime entry keeps the state entry added last before it ({@code before}), where avail.cgi starts
 * looking for the states within the downtime.
 */
final class Entry {

    final Archived type;
    final long time;
    final Entry before;
    Archived processed;

    Entry(Archived type, long time, Entry before) {
        this.type = type;
        this.time = time;
        this.before = before;
        this.processed = type.isState() || type.ordinal() > Archived.SVC_CRITICAL.ordinal() ? type : Archived.NO_DATA;
    }
}
