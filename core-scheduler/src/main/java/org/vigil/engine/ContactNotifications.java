package org.vigil.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * When each contact was last notified about a host and about a service, as Nagios keeps
 * {@code last_host_notification} and {@code last_service_notification} on its contacts: set for every contact a
 * notification goes to, written in status.dat's {@code contactstatus} blocks and kept by retention and across a
 * reload. Engine thread only.
 */
public final class ContactNotifications {

    private static final String HOST = "last_host_notification";
    private static final String SERVICE = "last_service_notification";

    /** Per contact name: {last host notification, last service notification} in epoch seconds, 0 for never. */
    private final Map<String, long[]> times = new HashMap<>();
    private final Consumer<String> changed;

    /** {@code changed} hears the name of each contact whose times changed, for retention. */
    ContactNotifications(Consumer<String> changed) {
        this.changed = changed;
    }

    /** {@code contact} was notified about a host ({@code host}) or a service at {@code at}. */
    public void notified(String contact, boolean host, Instant at) {
        times.computeIfAbsent(contact, c -> new long[2])[host ? 0 : 1] = at.getEpochSecond();
        changed.accept(contact);
    }

    /** When {@code contact} was last notified about a host, in epoch seconds (0: never). */
    public long lastHostNotification(String contact) {
        long[] t = times.get(contact);
        return t == null ? 0 : t[0];
    }

    /** When {@code contact} was last notified about a service, in epoch seconds (0: never). */
    public long lastServiceNotification(String contact) {
        long[] t = times.get(contact);
        return t == null ? 0 : t[1];
    }

    /** The contacts ever notified, for retention's records. */
    Iterable<String> notifiedContacts() {
        return times.keySet();
    }

    /** {@code contact}'s times as retention keeps them. */
    Map<String, String> attributes(String contact) {
        return Map.of(HOST, Long.toString(lastHostNotification(contact)),
                SERVICE, Long.toString(lastServiceNotification(contact)));
    }

    /** Restores {@code contact}'s retained times; a damaged value counts as never. */
    void restore(String contact, Map<String, String> attributes) {
        long host = seconds(attributes.get(HOST));
        long service = seconds(attributes.get(SERVICE));
        if (host > 0 || service > 0) {
            times.put(contact, new long[] {host, service});
        }
    }

    private static long seconds(String s) {
        try {
            return s == null ? 0 : Math.max(0, Long.parseLong(s));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
