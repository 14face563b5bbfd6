package org.vigil.config.resolve;

import java.util.HashMap;
import java.util.Map;
import org.vigil.config.model.Options;

/**
 * Values already parsed by one builder (one chunk of a parallel stage, so one thread), by their text: at 100,000
 * services most option lists and intervals are the same few strings, inherited from a few templates, and parsing
 * each again allocated a tenth of what building the services did (the list split, the letters, the number's
 * digits). Only values that parsed without a problem are kept, so every bad value is still reported where it is.
 */
final class ValueCache {

    private final Map<String, Map<String, Options>> options = new HashMap<>();
    private final Map<String, Double> numbers = new HashMap<>();

    /** The option list {@code value} parsed with the letters {@code allowed}, or null when not seen yet. */
    Options options(String value, String allowed) {
        Map<String, Options> known = options.get(allowed);
        return known == null ? null : known.get(value);
    }

    void options(String value, String allowed, Options parsed) {
        options.computeIfAbsent(allowed, a -> new HashMap<>()).put(value, parsed);
    }

    /** The number {@code value} parsed to (0 or more), or null when not seen yet. */
    Double number(String value) {
        return numbers.get(value);
    }

    void number(String value, Double parsed) {
        numbers.put(value, parsed);
    }
}
