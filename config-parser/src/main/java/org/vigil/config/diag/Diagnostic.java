package org.vigil.config.diag;

/** One problem found in a config, printed like a compiler message: {@code file:line: error: message}. */
public record Diagnostic(Severity severity, SourceLocation location, String message) {

    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + message;
    }
}
