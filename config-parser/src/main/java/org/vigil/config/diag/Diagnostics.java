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
