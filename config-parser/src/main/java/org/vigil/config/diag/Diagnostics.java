package org.vigil.config.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem of one load, so all of them are reported together, not just the first. */
public final class Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();
    private int errors;
    private int warnings;

    public void error(SourceLocation where, String message) {
        add(new Diagnostic(Severity.ERROR, where, message));
    }

    public void warning(SourceLocation where, String message) {
        add(new Diagnostic(Severity.WARNING, where, message));
    }

    public void add(Diagnostic d) {
        all.add(d);
        if (d.severity() == Severity.ERROR) {
            errors++;
        } else {
            warnings++;
        }
    }

    /**
     * Orders the diagnostics by file and line, as a compiler lists them; those without a file come first.
     * Stable, so problems found on one line keep the order they were found in.
     */
    public void sortByLocation() {
        all.sort(java.util.Comparator.comparing((Diagnostic d) -> d.location().file() == null ? ""
                : d.location().file().toString()).thenComparingInt(d -> d.location().line()));
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(all);
    }

    public int errorCount() {
        return errors;
    }

    public int warningCount() {
        return warnings;
    }

    public boolean hasErrors() {
        return errors > 0;
    }
}
