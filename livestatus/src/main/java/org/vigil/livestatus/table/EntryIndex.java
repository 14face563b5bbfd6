package org.vigil.livestatus.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.CommentView;
import org.vigil.model.DowntimeView;
import org.vigil.model.StatusSnapshot;

/**
 * The comments and downtimes of each host and service, made once per snapshot so the {@code comments} and
 * {@code downtimes} columns of 100,000 services do not each walk every comment. Keys are the host name, or
 * {@code host;description} for a service.
 */
final class EntryIndex {

    private final Map<String, List<CommentView>> comments = new HashMap<>();
    private final Map<String, List<DowntimeView>> downtimes = new HashMap<>();

    static EntryIndex of(StatusSnapshot s) {
        EntryIndex e = new EntryIndex();
        for (CommentView c : s.comments()) {
            e.comments.computeIfAbsent(key(c.host(), c.service()), k -> new ArrayList<>()).add(c);
        }
        for (DowntimeView d : s.downtimes()) {
            e.downtimes.computeIfAbsent(key(d.host(), d.service()), k -> new ArrayList<>()).add(d);
        }
        return e;
    }

    static String key(String host, String service) {
        return service == null ? host : host + ";" + service;
    }

    List<CommentView> comments(String key) {
        return comments.getOrDefault(key, List.of());
    }

    List<DowntimeView> downtimes(String key) {
        return downtimes.getOrDefault(key, List.of());
    }
}
