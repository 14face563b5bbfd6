package org.vigil.config.timeperiod;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.diag.SourceLocation;

/** Test helper: builds a schedule from a few named periods written as config lines. */
final class Periods {

    static final ZoneId UTC = ZoneId.of("UTC");

    private final Map<String, TimeperiodSchedule.Definition> defs = new LinkedHashMap<>();

    Periods define(String name, List<String> excludes, String... lines) {
        defs.put(name, new TimeperiodSchedule.Definition(Lines.rules(lines), excludes,
                new SourceLocation(Lines.FILE, defs.size() + 1)));
        return this;
    }

    Periods define(String name, String... lines) {
        return define(name, List.of(), lines);
    }

    TimeperiodSchedule schedule(ZoneId zone, Diagnostics diags) {
        return TimeperiodSchedule.compile(defs, zone, diags);
    }

    /** The named period, compiled in {@code zone}; fails the test on any diagnostic. */
    CompiledTimeperiod get(String name, ZoneId zone) {
        Diagnostics diags = new Diagnostics();
        TimeperiodSchedule s = schedule(zone, diags);
        if (!diags.all().isEmpty()) {
            throw new AssertionError("unexpected diagnostics: " + diags.all());
        }
        return s.find(name).orElseThrow();
    }

    /** A schedule holding the one period {@code p} made of {@code lines}, evaluated in UTC. */
    static CompiledTimeperiod of(String... lines) {
        return new Periods().define("p", lines).get("p", UTC);
    }
}
