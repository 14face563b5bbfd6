package org.vigil.config.timeperiod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/** Test helper: turns config lines into directives the way the lexer does (split at the first whitespace). */
final class Lines {

    static final Path FILE = Path.of("timeperiods.cfg");

    private Lines() {
    }

    static TimeperiodDirective directive(String line, int lineNo) {
        String[] kv = line.strip().split("\\s+", 2);
        return new TimeperiodDirective(kv[0], kv.length > 1 ? kv[1] : "", new SourceLocation(FILE, lineNo));
    }

    static List<TimeperiodDirective> directives(String... lines) {
        List<TimeperiodDirective> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            out.add(directive(lines[i], i + 1));
        }
        return out;
    }

    /** Parses lines that must be valid; fails the test on any error. */
    static TimeperiodRules rules(String... lines) {
        Diagnostics diags = new Diagnostics();
        TimeperiodRules rules = TimeperiodRules.parse(directives(lines), diags);
        if (diags.hasErrors()) {
            throw new AssertionError("unexpected errors: " + diags.all() + " for " + Arrays.toString(lines));
        }
        return rules;
    }

    static List<String> cache(TimeperiodRules rules) {
        return rules.cacheLines().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList();
    }
}
