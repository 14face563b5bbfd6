package org.vigil.config.resolve;

import org.vigil.config.diag.SourceLocation;

/**
 * One attribute value during resolution; {@code value == null} is Nagios's {@code null}: set, but empty,
 * so that it stops inheritance.
 */
public record Attr(String value, SourceLocation location) {

    public boolean isNull() {
        return value == null;
    }
}
