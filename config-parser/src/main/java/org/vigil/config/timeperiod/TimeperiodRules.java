package org.vigil.config.timeperiod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.diag.Diagnostics;

/**
 * The time-range lines of one timeperiod, parsed. Placeholder: keeps lines as written until the full
 * grammar lands (issue 3).
 */
public final class TimeperiodRules {

    private final Map<String, TimeperiodDirective> byKey;

    private TimeperiodRules(Map<String, TimeperiodDirective> byKey) {
        this.byKey = byKey;
    }

    /** Parses the time-range lines of one definition, reporting malformed ones to {@code diags}. */
    public static TimeperiodRules parse(List<TimeperiodDirective> directives, Diagnostics diags) {
        Map<String, TimeperiodDirective> map = new LinkedHashMap<>();
        for (TimeperiodDirective d : directives) {
            map.put(d.key() + " " + d.value(), d);
        }
        return new TimeperiodRules(map);
    }

    /** This definition's rules with those of {@code template} added where this one has none. */
    public TimeperiodRules inheritFrom(TimeperiodRules template) {
        Map<String, TimeperiodDirective> map = new LinkedHashMap<>(byKey);
        template.byKey.forEach(map::putIfAbsent);
        return new TimeperiodRules(map);
    }

    /** The lines as Nagios writes them to its objects cache, as {@code key -> value} pairs. */
    public List<Map.Entry<String, String>> cacheLines() {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        for (TimeperiodDirective d : byKey.values()) {
            lines.add(Map.entry(d.key(), d.value()));
        }
        return lines;
    }
}
