package org.vigil.config.resolve;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.vigil.config.model.ServiceKey;

/**
 * The services of one load by key, in definition order, plus the duplicate definitions Nagios drops. Read-only.
 *
 * <p>A dropped duplicate still counts for service groups: Nagios adds every definition's
 * {@code servicegroups} before it drops duplicates. It is a map so that stages that only need the
 * services keep reading it as one.
 *
 * <p>The services are two arrays in order, and a lookup by key goes through the maps the registration of services
 * built anyway (on every core): at 100,000 services a {@code LinkedHashMap} filled on the main thread after them
 * was a tenth of the "expand services" stage.
 */
public final class ExpandedServices extends AbstractMap<ServiceKey, Definition> {

    private final List<ServiceKey> keys;
    private final List<Definition> definitions;
    private final Function<Object, Definition> index;
    private final List<Map.Entry<ServiceKey, Definition>> dropped = new ArrayList<>();

    /** {@code keys[i]} is {@code definitions[i]}'s, for the first {@code size}; {@code index} finds each by key. */
    ExpandedServices(ServiceKey[] keys, Definition[] definitions, int size, Function<Object, Definition> index) {
        this.keys = Collections.unmodifiableList(Arrays.asList(keys).subList(0, size));
        this.definitions = Collections.unmodifiableList(Arrays.asList(definitions).subList(0, size));
        this.index = index;
    }

    void addDropped(ServiceKey key, Definition source) {
        dropped.add(Map.entry(key, source));
    }

    /** The dropped duplicates, each with the definition it came from. */
    public List<Map.Entry<ServiceKey, Definition>> dropped() {
        return Collections.unmodifiableList(dropped);
    }

    /** The keys in order, by index (no entry made per service). */
    public List<ServiceKey> keyList() {
        return keys;
    }

    /** The definitions in the order of {@link #keyList()}. */
    public List<Definition> definitionList() {
        return definitions;
    }

    @Override
    public Definition get(Object key) {
        return key == null ? null : index.apply(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return keys.size();
    }

    @Override
    public Set<ServiceKey> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<ServiceKey> iterator() {
                return keys.iterator();
            }

            @Override
            public int size() {
                return keys.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }
        };
    }

    @Override
    public Collection<Definition> values() {
        return definitions;
    }

    @Override
    public Set<Map.Entry<ServiceKey, Definition>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<ServiceKey, Definition>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.size();
                    }

                    @Override
                    public Map.Entry<ServiceKey, Definition> next() {
                        if (next >= keys.size()) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys.get(i), definitions.get(i));
                    }
                };
            }

            @Override
            public int size() {
                return keys.size();
            }
        };
    }
}
