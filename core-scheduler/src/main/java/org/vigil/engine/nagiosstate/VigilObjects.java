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
 * What an import needs of Vigil's config: which hosts, services and contacts it has, and each host's and service's
 * re-notification interval in seconds ({@code notification_interval} times {@code interval_length}; 0 for none).
 */
public record VigilObjects(Set<ObjectKey> keys, Map<ObjectKey, Renotify> renotify) {

    /** When a notified problem is notified again; {@code seconds} 0, not volatile: never (no_more_notifications). */
    public record Renotify(long seconds, boolean isVolatile) {
    }

    public VigilObjects {
        keys = Set.copyOf(keys);
        renotify = Map.copyOf(renotify);
    }

    /** The objects of {@code model}, with {@code main}'s interval_length. */
    public static VigilObjects of(ObjectModel model, MainConfig main) {
        long unit = intervalLength(main);
        Set<ObjectKey> keys = new HashSet<>();
        Map<ObjectKey, Renotify> renotify = new HashMap<>();
        for (Host h : model.hosts().values()) {
            ObjectKey k = ObjectKey.host(h.name());
            keys.add(k);
            renotify.put(k, new Renotify(Math.round(h.notification().interval() * unit), false));
        }
        for (Service s : model.services().values()) {
            ObjectKey k = ObjectKey.service(s.key().hostName(), s.key().description());
            keys.add(k);
            renotify.put(k, new Renotify(Math.round(s.notification().interval() * unit), s.isVolatile()));
        }
        model.contacts().keySet().forEach(c -> keys.add(ObjectKey.contact(c)));
        return new VigilObjects(keys, renotify);
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
