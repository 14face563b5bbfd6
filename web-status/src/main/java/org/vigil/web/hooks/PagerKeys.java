package org.vigil.web.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceKey;
import org.vigil.notify.delivery.DedupKey;

/**
 * The host or service a pager's dedup key names: the inverse of {@link DedupKey#of}. Names may hold {@code /}, so
 * every split of the key is tried and each candidate is checked by forming its key again; a key that names no
 * object, or more than one, names none. A long key (a prefix and a hash) is matched against every object.
 */
final class PagerKeys {

    /** A host (service null) or a service. */
    record Target(String host, String service) {
        boolean isHost() {
            return service == null;
        }

        /** "host web1" or "service http on host web1", for answers. */
        String describe() {
            return service == null ? "host " + host : "service " + service + " on host " + host;
        }
    }

    private static final String PREFIX = "vigil/";

    private PagerKeys() {
    }

    static Optional<Target> resolve(ObjectModel model, String key) {
        if (!key.startsWith(PREFIX) || key.length() > DedupKey.MAX_LENGTH) {
            return Optional.empty();
        }
        List<Target> found = new ArrayList<>(1);
        if (key.length() == DedupKey.MAX_LENGTH && key.charAt(190) == '#') {
            hashed(model, key, found);
        } else {
            String rest = key.substring(PREFIX.length());
            check(model, new Target(rest, null), key, found);
            for (int i = rest.indexOf('/'); i > 0; i = rest.indexOf('/', i + 1)) {
                check(model, new Target(rest.substring(0, i), rest.substring(i + 1)), key, found);
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static void check(ObjectModel model, Target t, String key, List<Target> found) {
        boolean exists = t.isHost() ? model.hosts().containsKey(t.host())
                : model.services().containsKey(new ServiceKey(t.host(), t.service()));
        if (exists && DedupKey.of(t.host(), t.service()).equals(key)) {
            found.add(t);
        }
    }

    /** Keys over the limit keep their first 190 characters: only objects whose key starts so are hashed. */
    private static void hashed(ObjectModel model, String key, List<Target> found) {
        String start = key.substring(0, 190);
        for (String name : model.hosts().keySet()) {
            if ((PREFIX + name).startsWith(start)) {
                check(model, new Target(name, null), key, found);
            }
        }
        for (ServiceKey s : model.services().keySet()) {
            if ((PREFIX + s.hostName() + "/" + s.description()).startsWith(start)) {
                check(model, new Target(s.hostName(), s.description()), key, found);
            }
        }
    }
}
