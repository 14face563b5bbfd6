package org.vigil.config.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Custom variables ({@code _NAME value}) kept in Nagios's order: the object's own in the order they were
 * written, then those it inherited, in its templates' order. Nagios writes them so in objects.cache and
 * status.dat; {@code Map.copyOf} would shuffle them from one run to the next.
 */
final class CustomVariables {

    private CustomVariables() {
    }

    /** An unmodifiable copy of {@code vars} in their order. */
    static Map<String, String> copyOf(Map<String, String> vars) {
        if (vars.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }
}
