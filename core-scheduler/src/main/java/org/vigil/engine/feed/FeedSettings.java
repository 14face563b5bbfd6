package org.vigil.engine.feed;

import java.time.Duration;
import org.vigil.config.main.MainConfig;

/**
 * The {@code nagios.cfg} directives of performance data and obsessing that are not program switches (those are
 * in {@code ProgramSwitches}, which commands change), with Nagios 4.4.6's defaults.
 *
 * @param host the {@code host_perfdata_*} directives
 * @param service the {@code service_perfdata_*} directives
 * @param perfdataTimeout {@code perfdata_timeout} (default 5 s): perfdata commands and file processing commands
 * @param ocspCommand {@code ocsp_command}, or null
 * @param ochpCommand {@code ochp_command}, or null
 * @param ocspTimeout {@code ocsp_timeout} (default 15 s)
 * @param ochpTimeout {@code ochp_timeout} (default 15 s)
 */
public record FeedSettings(PerfdataTarget host, PerfdataTarget service, Duration perfdataTimeout,
                           String ocspCommand, String ochpCommand, Duration ocspTimeout, Duration ochpTimeout) {

    public static FeedSettings from(MainConfig main) {
        return new FeedSettings(PerfdataTarget.from(main, "host"), PerfdataTarget.from(main, "service"),
                seconds(main, "perfdata_timeout", 5),
                PerfdataTarget.blankToNull(main.value("ocsp_command", null)),
                PerfdataTarget.blankToNull(main.value("ochp_command", null)),
                seconds(main, "ocsp_timeout", 15), seconds(main, "ochp_timeout", 15));
    }

    private static Duration seconds(MainConfig main, String directive, long fallback) {
        return Duration.ofSeconds(Math.max(1, PerfdataTarget.number(main.value(directive, null) == null
                ? Long.toString(fallback) : main.value(directive, null), fallback)));
    }
}
