package org.vigil.livestatus.table;

import java.util.BitSet;
import java.util.Optional;
import org.vigil.model.StatusSnapshot;

/**
 * What the contact named by {@code AuthUser:} may see, as Livestatus decides it with its defaults: the hosts it is
 * a contact of; the services it or their host's contacts include ({@code service_authorization loose}); a group
 * only if it may see every member ({@code group_authorization strict}). The status pages see the same objects
 * ({@link StatusSnapshot#hostsOfContact}, {@link StatusSnapshot#servicesOfContact}). Without AuthUser, everything;
 * an unknown contact sees no object.
 */
final class Visibility {

    private final BitSet hosts;
    private final BitSet services;

    private Visibility(BitSet hosts, BitSet services) {
        this.hosts = hosts;
        this.services = services;
    }

    static Visibility of(StatusSnapshot snapshot, Optional<String> authUser) {
        if (authUser.isEmpty()) {
            return new Visibility(null, null);
        }
        BitSet h = new BitSet(snapshot.hosts().size());
        for (int at : snapshot.hostPositionsOfContact(authUser.get())) {
            h.set(at);
        }
        BitSet s = new BitSet(snapshot.services().size());
        for (int at : snapshot.servicePositionsOfContact(authUser.get())) {
            s.set(at);
        }
        return new Visibility(h, s);
    }

    boolean all() {
        return hosts == null;
    }

    boolean host(int position) {
        return hosts == null || (position >= 0 && hosts.get(position));
    }

    boolean service(int position) {
        return services == null || (position >= 0 && services.get(position));
    }

    /** Positions of the visible hosts, in order. */
    int[] hostPositions(int total) {
        return hosts == null ? range(total) : hosts.stream().toArray();
    }

    /** Positions of the visible services, in order. */
    int[] servicePositions(int total) {
        return services == null ? range(total) : services.stream().toArray();
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
