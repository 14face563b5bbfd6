package org.vigil.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The parent/child links between hosts, which decide DOWN versus UNREACHABLE. */
public interface HostNetwork {

    List<HostStatus> parents(HostStatus host);

    List<HostStatus> children(HostStatus host);

    /** The network the {@code parents} of {@code hosts} describe; unknown parent names are skipped. */
    static HostNetwork of(Collection<HostStatus> hosts) {
        Map<String, HostStatus> byName = new HashMap<>();
        hosts.forEach(h -> byName.put(h.name(), h));
        Map<String, List<HostStatus>> children = new HashMap<>();
        for (HostStatus h : hosts) {
            for (String p : h.parents()) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(h);
            }
        }
        return new HostNetwork() {
            @Override
            public List<HostStatus> parents(HostStatus host) {
                return host.parents().stream().map(byName::get).filter(Objects::nonNull).toList();
            }

            @Override
            public List<HostStatus> children(HostStatus host) {
                return children.getOrDefault(host.name(), List.of());
            }
        };
    }
}
