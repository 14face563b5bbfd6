package org.vigil.livestatus.query;

/** The formats of {@code OutputFormat:}. */
enum OutputFormat {
    CSV, JSON, PYTHON, PYTHON3, WRAPPED_JSON;

    /** The format {@code word} names, or null. */
    static OutputFormat of(String word) {
        for (OutputFormat f : values()) {
            if (f.name().toLowerCase(java.util.Locale.ROOT).equals(word)) {
                return f;
            }
        }
        return null;
    }
}
