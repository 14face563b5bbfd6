package org.vigil.engine.log;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Where a rotation puts the log: {@code log_archive_path/nagios-MM-DD-YYYY-HH.log}, named for the boundary that
 * ended it in local time (Nagios 4.4.6's {@code rotate_log_file}), so the log of 03:00-04:00 is
 * {@code nagios-...-04.log}: the name the CGIs' archive lookups compute.
 */
public final class LogArchive {

    private LogArchive() {
    }

    /** The archive of the log a rotation at {@code boundary} closes. */
    public static Path fileFor(Path archiveDir, Instant boundary, ZoneId zone) {
        ZonedDateTime t = boundary.atZone(zone);
        return archiveDir.resolve(String.format("nagios-%02d-%02d-%d-%02d.log", t.getMonthValue(),
                t.getDayOfMonth(), t.getYear(), t.getHour()));
    }
}
