package org.vigil.config.diag;

import java.nio.file.Path;

/** Where a value came from: a file and a 1-based line number (0 when unknown). */
public record SourceLocation(Path file, int line) {

    /** A location for values that come from no file (built-in defaults, generated objects). */
    public static final SourceLocation NONE = new SourceLocation(null, 0);

    @Override
    public String toString() {
        if (file == null) {
            return "<built-in>";
        }
        return line > 0 ? file + ":" + line : file.toString();
    }
}
