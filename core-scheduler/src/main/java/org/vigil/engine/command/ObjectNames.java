package org.vigil.engine.command;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceKey;

/**
 * Finds the hosts and services that command arguments name, in the immutable config (so any thread may ask),
 * and the closest names for a "did you mean".
 */
final class ObjectNames {

    private final ObjectModel model;

    ObjectNames(ObjectModel model) {
        this.model = model;
    }

    /** The host called {@code name}, or with {@code name} as its address when {@code byAddress}. */
    Optional<String> host(String name, boolean byAddress) {
        if (model.hosts().containsKey(name)) {
            return Optional.of(name);
        }
        if (!byAddress) {
            return Optional.empty();
        }
        return model.hosts().values().stream().filter(h -> name.equals(h.address())).map(Host::name).findFirst();
    }

    boolean service(String host, String description) {
        return model.services().containsKey(new ServiceKey(host, description));
    }

    /** The services of {@code host}, for commands on all of them. */
    Stream<ServiceKey> servicesOf(String host) {
        return model.services().keySet().stream().filter(k -> k.hostName().equals(host));
    }

    boolean hostGroup(String name) {
        return model.hostGroups().containsKey(name);
    }

    boolean serviceGroup(String name) {
        return model.serviceGroups().containsKey(name);
    }

    String hostGroupHint(String name) {
        return hint(name, model.hostGroups().keySet().stream());
    }

    String serviceGroupHint(String name) {
        return hint(name, model.serviceGroups().keySet().stream());
    }

    String hostHint(String name) {
        return hint(name, model.hosts().keySet().stream());
    }

    String serviceHint(String host, String description) {
        return hint(description, servicesOf(host).map(ServiceKey::description));
    }

    /** {@code ; did you mean 'x'?} for a name within a third of its length in edits, else "". */
    static String hint(String wrong, Stream<String> candidates) {
        int limit = Math.max(1, wrong.length() / 3);
        String lower = wrong.toLowerCase();
        // the distance is at least the difference in length: a long junk name is compared with nothing
        return candidates.filter(c -> Math.abs(c.length() - wrong.length()) <= limit)
                .map(c -> new Candidate(c, Levenshtein.distance(lower, c.toLowerCase())))
                .filter(c -> c.distance() <= limit)
                .min(Comparator.comparingInt(Candidate::distance))
                .map(c -> "; did you mean '" + c.name() + "'?").orElse("");
    }

    private record Candidate(String name, int distance) {
    }

    /** Edit distance, for suggestions only. */
    static final class Levenshtein {
        private Levenshtein() {
        }

        static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
