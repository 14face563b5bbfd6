package org.vigil.config.model;

import java.util.List;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.timeperiod.TimeperiodRules;

/** A timeperiod: its time ranges and the periods it excludes. */
public record Timeperiod(String name, String alias, TimeperiodRules rules, List<String> exclusions,
                         SourceLocation location) {

    public Timeperiod {
        exclusions = List.copyOf(exclusions);
    }
}
