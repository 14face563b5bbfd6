package org.vigil.config.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Custom variables ({@code _NAME value}) kept in Nagios's order: the object's own in the order they were
 * written, then those it inherited, in its templates' order. Nagios writes them so in objects.cache and
 * status.dat; {@code Map.copyOf} would shuffle them from one run to the next.
 */
public final class CustomVariables {

    private CustomVariables() {
    }

    /**
     * An unmodifiable copy of {@code vars} in their order; a map this method made is returned as it is, so the
     * objects that inherit the same variables from one template can share one map (100,000 services).
     */
    public static Map<String, String> copyOf(Map<String, String> vars) {
        if (vars.isEmpty()) {
            return Map.of();
        }
        if (vars instanceof Frozen) {
            return vars;
        }
        return new Frozen(new LinkedHashMap<>(vars));
    }

    /** An unmodifiable ordered map that no one else holds a modifiable view of. */
    private static final class Frozen extends AbstractMap<String, String> {

        private final Map<String, String> view;

        Frozen(LinkedHashMap<String, String> vars) {
            this.view = Collections.unmodifiableMap(vars);
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            return view.entrySet();
        }

        @Override
        public Set<String> keySet() {
            return view.keySet();
        }

        @Override
        public java.util.Collection<String> values() {
            return view.values();
        }

        @Override
        public String get(Object key) {
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
    }
}
