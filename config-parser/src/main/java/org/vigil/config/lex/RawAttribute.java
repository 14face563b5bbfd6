package org.vigil.config.lex;

import org.vigil.config.diag.SourceLocation;

/** One {@code key value} line of an object definition, as written, with where it was written. */
public record RawAttribute(String key, String value, SourceLocation location) {
}
