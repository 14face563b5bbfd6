package org.vigil.livestatus.table;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.timeperiod.TimeperiodSchedule;

/**
 * What the tables derive from one set of resolved objects, worked out once per configuration (a reload brings a
 * new one): the compiled timeperiods, each host's children and each contact's contact groups.
 */
final class ModelIndex {

    private final ObjectModel model;
    private final TimeperiodSchedule schedule;
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, List<String>> contactGroupsOf = new HashMap<>();
    /** The key under which a snapshot keeps this configuration's period states. */
    private final Object periodKey = new Object();

    ModelIndex(ObjectModel model, ZoneId zone) {
        this.model = model;
        this.schedule = model.compileTimeperiods(zone, new Diagnostics());
        for (Host h : model.hosts().values()) {
            for (String p : h.parents()) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(h.name());
            }
        }
        for (var g : model.contactGroups().values()) {
            for (String m : g.members()) {
                contactGroupsOf.computeIfAbsent(m, k -> new ArrayList<>()).add(g.name());
            }
        }
    }

    ObjectModel model() {
        return model;
    }

    TimeperiodSchedule schedule() {
        return schedule;
    }

    Object periodKey() {
        return periodKey;
    }

    List<String> children(String host) {
        return children.getOrDefault(host, List.of());
    }

    List<String> contactGroupsOf(String contact) {
        return contactGroupsOf.getOrDefault(contact, List.of());
    }
}
