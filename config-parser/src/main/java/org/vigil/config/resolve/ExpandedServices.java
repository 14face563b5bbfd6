package org.vigil.config.resolve;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.model.ServiceKey;

/**
 * The services of one load by key, in definition order, plus the duplicate definitions Nagios drops.
 *
 * <p>A dropped duplicate still counts for service groups: Nagios adds every definition's
 * {@code servicegroups} before it drops duplicates. It is a map so that stages that only need the
 * services keep reading it as one.
 */
public final class ExpandedServices extends LinkedHashMap<ServiceKey, Definition> {

    private static final long serialVersionUID = 1L;

    private final transient List<Map.Entry<ServiceKey, Definition>> dropped = new ArrayList<>();

    void addDropped(ServiceKey key, Definition source) {
        dropped.add(Map.entry(key, source));
    }

    /** The dropped duplicates, each with the definition it came from. */
    public List<Map.Entry<ServiceKey, Definition>> dropped() {
        return Collections.unmodifiableList(dropped);
    }
}
