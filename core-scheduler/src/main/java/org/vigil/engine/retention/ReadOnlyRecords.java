package org.vigil.engine.retention;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The records of a {@link RetainedState}, read-only, over a map built for it and handed over: a start at 100,000
 * objects would otherwise copy every record into a new map at each step (read, keep the config's objects).
 * Only this package builds one, from a map nothing else holds.
 */
final class ReadOnlyRecords extends AbstractMap<ObjectKey, ObjectRecord> {

    private final Map<ObjectKey, ObjectRecord> view;

    private ReadOnlyRecords(HashMap<ObjectKey, ObjectRecord> owned) {
        this.view = Collections.unmodifiableMap(owned);
    }

    /** Takes {@code owned} over: the caller must not keep it. */
    static ReadOnlyRecords handedOver(HashMap<ObjectKey, ObjectRecord> owned) {
        return new ReadOnlyRecords(owned);
    }

    @Override
    public ObjectRecord get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public Set<Map.Entry<ObjectKey, ObjectRecord>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<ObjectKey> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<ObjectRecord> values() {
        return view.values();
    }
}
