package org.vigil.engine.daemon;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.log.NagiosLog;

/**
 * The lines that open each run of the monitor in the log, at start and after every reload, as Nagios 4.4.6 writes
 * them: {@code ... starting... (PID=N)}, {@code Local time is ...} and {@code LOG VERSION: 2.0}. avail.cgi and
 * trends.cgi take a line with {@code " starting..."} as the program's start (and {@code " shutting down..."} as its
 * end) to show program downtime; the first line names Vigil, not Nagios (docs/compatibility.md).
 */
final class ProgramStart {

    /** strftime's {@code "%a %b %d %H:%M:%S %Z %Y"}, Nagios's format for the local time line. */
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);

    private ProgramStart() {
    }

    /** Writes the opening lines, the local time in the engine's zone ({@code use_timezone}, else TZ). */
    static void log(NagiosLog log, Clock clock, MainConfig main) {
        log.log("Vigil " + Daemon.VERSION + " starting... (PID=" + ProcessHandle.current().pid() + ")");
        log.log("Local time is " + LOCAL_TIME.format(clock.instant().atZone(main.zone())));
        log.log("LOG VERSION: 2.0");
    }
}
