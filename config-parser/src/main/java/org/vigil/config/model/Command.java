package org.vigil.config.model;

import org.vigil.config.diag.SourceLocation;

/** A command definition: the plugin or script line with its macros. */
public record Command(String name, String line, SourceLocation location) {
}
