package org.vigil.config.lex;

import java.util.List;
import org.vigil.config.diag.SourceLocation;

/** One {@code define TYPE { ... }} block as written: its type, its lines in order, and where it starts. */
public record RawObject(String type, List<RawAttribute> attributes, SourceLocation location) {

    public RawObject {
        attributes = List.copyOf(attributes);
    }
}
