package org.vigil.web.pages;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.vigil.model.CommentView;
import org.vigil.model.DowntimeView;
import org.vigil.model.StatusSnapshot;

/**
 * "Who is on it": for each object, the author and comment of its acknowledgement (its newest acknowledgement
 * comment) and of its downtime in effect (the newest). Made once per snapshot ({@link StatusSnapshot#derived}) by
 * one pass over the comments and downtimes, so a list of 5,000 rows looks each up instead of scanning them.
 */
public final class Handling {

    /** One acknowledgement's or downtime's author, comment, and when it ends (null: not by itself). */
    public record Who(String author, String comment, Instant until) {
    }

    private static final Object KEY = new Object();

    private final Map<String, Who> acknowledgements = new HashMap<>();
    private final Map<String, Who> downtimes = new HashMap<>();

    private Handling(StatusSnapshot s) {
        Map<String, Long> newest = new HashMap<>();
        for (CommentView c : s.comments()) {
            if (c.type().equals("ACKNOWLEDGEMENT") && c.id() > newest.getOrDefault(key(c.host(), c.service()), 0L)) {
                newest.put(key(c.host(), c.service()), c.id());
                acknowledgements.put(key(c.host(), c.service()), new Who(c.author(), c.text(),
                        c.expires() ? c.expireTime() : null));
            }
        }
        newest.clear();
        for (DowntimeView d : s.downtimes()) {
            if (d.inEffect() && d.id() > newest.getOrDefault(key(d.host(), d.service()), 0L)) {
                newest.put(key(d.host(), d.service()), d.id());
                downtimes.put(key(d.host(), d.service()), new Who(d.author(), d.comment(), d.fixed() ? d.end()
                        : null));
            }
        }
    }

    /** The index of {@code s}, made on first use and shared by every page of that snapshot. */
    static Handling of(StatusSnapshot s) {
        return s.derived(KEY, Handling::new);
    }

    private static String key(String host, String service) {
        return service == null ? host : host + '\0' + service;
    }

    /** The acknowledgement of a host ({@code service} null) or service; null when none is known. */
    public Who acknowledgement(String host, String service) {
        return acknowledgements.get(key(host, service));
    }

    /** The downtime in effect of a host or service; null when none is known. */
    public Who downtime(String host, String service) {
        return downtimes.get(key(host, service));
    }

    /** The ACK badge's tooltip: {@code Acknowledged by alice until 2026-12-07 18:00:00: on it}. */
    String ackTitle(String host, String service, Fmt fmt) {
        Who w = acknowledgement(host, service);
        return w == null ? "Acknowledged" : "Acknowledged by " + w.author()
                + (w.until() == null ? "" : " until " + fmt.time(w.until())) + ": " + w.comment();
    }

    /** The DT badge's tooltip: {@code In downtime by bob until 2026-12-07 18:00:00: patching}. */
    String downtimeTitle(String host, String service, Fmt fmt) {
        Who w = downtime(host, service);
        return w == null ? "In scheduled downtime" : "In downtime by " + w.author()
                + (w.until() == null ? "" : " until " + fmt.time(w.until())) + ": " + w.comment();
    }
}
