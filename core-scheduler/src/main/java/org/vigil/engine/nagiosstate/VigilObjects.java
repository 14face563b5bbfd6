package org.vigil.engine.nagiosstate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;
import org.vigil.engine.retention.ObjectKey;

/**
 * What an import needs of Vigil's config: which hosts, services and contacts it has, and what Nagios reads of a
 * host's or service's config when it takes its retained state back ({@link Settings}).
 */
public record VigilObjects(Set<ObjectKey> keys, Map<ObjectKey, Settings> settings) {

    /**
     * {@code renotifySeconds}: when a notified problem is notified again ({@code notification_interval} times
     * {@code interval_length}; 0, not volatile: never, no_more_notifications); {@code maxAttempts}: the attempt a hard
     * problem is at.
     */
    public record Settings(long renotifySeconds, boolean isVolatile, int maxAttempts) {
    }

    public VigilObjects {
        keys = Set.copyOf(keys);
        settings = Map.copyOf(settings);
    }

    /** The objects of {@code model}, with {@code main}'s interval_length. */
    public static VigilObjects of(ObjectModel model, MainConfig main) {
        long unit = intervalLength(main);
        Set<ObjectKey> keys = new HashSet<>();
        Map<ObjectKey, Settings> settings = new HashMap<>();
        for (Host h : model.hosts().values()) {
            ObjectKey k = ObjectKey.host(h.name());
            keys.add(k);
            settings.put(k, new Settings(Math.round(h.notification().interval() * unit), false,
                    h.check().maxCheckAttempts()));
        }
        for (Service s : model.services().values()) {
            ObjectKey k = ObjectKey.service(s.key().hostName(), s.key().description());
            keys.add(k);
            settings.put(k, new Settings(Math.round(s.notification().interval() * unit), s.isVolatile(),
                    s.check().maxCheckAttempts()));
        }
        model.contacts().keySet().forEach(c -> keys.add(ObjectKey.contact(c)));
        return new VigilObjects(keys, settings);
    }

    private static long intervalLength(MainConfig main) {
        try {
            return Math.max(1, Long.parseLong(main.value("interval_length", "60").strip()));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    boolean has(ObjectKey key) {
        return keys.contains(key);
    }
}
