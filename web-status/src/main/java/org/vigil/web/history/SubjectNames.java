package org.vigil.web.history;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names of the hosts and services an index has seen, each once: a number per key ({@code host} or
 * {@code host;service}) that the files' events refer to, so a file keeps 4 bytes an event and 8 a subject rather
 * than its own copy of the names. Numbers are never reused; the table grows with the subjects ever logged, until
 * the index that holds it is replaced by a new one ({@link HistoryIndex#staleNames}).
 */
final class SubjectNames {

    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    /** Published whole after each growth, so a reader holding a number finds its names without a lock. */
    private volatile String[][] names = {new String[256], new String[256]};
    private int size;

    /** The number of {@code key}, given one if it has none. */
    int id(String key, String host) {
        Integer known = ids.get(key);
        return known != null ? known : add(key, host);
    }

    /** The number of {@code key}, or -1 if no file named it. */
    int find(String key) {
        Integer known = ids.get(key);
        return known == null ? -1 : known;
    }

    /** How many names the table holds. */
    synchronized int size() {
        return size;
    }

    String key(int id) {
        return names[0][id];
    }

    String host(int id) {
        return names[1][id];
    }

    private synchronized int add(String key, String host) {
        Integer known = ids.get(key);
        if (known != null) {
            return known;
        }
        String[][] n = names;
        if (size == n[0].length) {
            n = new String[][] {Arrays.copyOf(n[0], size * 2), Arrays.copyOf(n[1], size * 2)};
        }
        Integer hostId = ids.get(host);
        n[0][size] = key;
        n[1][size] = hostId != null ? n[0][hostId] : host; // a service's host name shared with the host's key
        names = n;
        ids.put(key, size);
        return size++;
    }
}
