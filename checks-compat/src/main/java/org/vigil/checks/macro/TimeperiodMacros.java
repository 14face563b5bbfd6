package org.vigil.checks.macro;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.timeperiod.CompiledTimeperiod;
import org.vigil.config.timeperiod.TimeperiodSchedule;

/**
 * {@code $ISVALIDTIME:period[:timestamp]$} (1 or 0) and {@code $NEXTVALIDTIME:period[:timestamp]$} (the first
 * valid second at or after the timestamp, 0 when none within a year). Without a known period the macro is an error
 * and its text is kept. The periods are compiled on first use.
 */
final class TimeperiodMacros {

    private final ObjectModel model;
    private final ZoneId zone;
    private final Clock clock;
    private volatile TimeperiodSchedule schedule;

    TimeperiodMacros(ObjectModel model, ZoneId zone, Clock clock) {
        this.model = model;
        this.zone = zone;
        this.clock = clock;
    }

    String value(MacroToken t) {
        if (t.arg1() == null) {
            return null;
        }
        Optional<CompiledTimeperiod> tp = schedule().find(t.arg1());
        if (tp.isEmpty()) {
            return null;
        }
        Instant at = t.arg2() == null ? clock.instant() : Instant.ofEpochSecond(MacroToken.timestamp(t.arg2()));
        if (t.name().equals("ISVALIDTIME")) {
            return tp.get().contains(at) ? "1" : "0";
        }
        return tp.get().nextInside(at.atZone(zone)).map(z -> Long.toString(z.toEpochSecond())).orElse("0");
    }

    private TimeperiodSchedule schedule() {
        TimeperiodSchedule s = schedule;
        if (s == null) {
            synchronized (this) {
                s = schedule;
                if (s == null) {
                    s = model.compileTimeperiods(zone, new Diagnostics());
                    schedule = s;
                }
            }
        }
        return s;
    }
}
