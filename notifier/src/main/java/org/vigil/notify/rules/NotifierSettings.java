package org.vigil.notify.rules;

import java.time.Instant;
import org.vigil.config.main.MainConfig;

/**
 * The nagios.cfg settings the rules use.
 *
 * @param intervalLength seconds per interval unit ({@code interval_length}, 60 by default)
 * @param logNotifications {@code log_notifications}: whether the NOTIFICATION lines are written
 * @param programStart when the engine started: Nagios's first problem time of an object never OK
 */
public record NotifierSettings(double intervalLength, boolean logNotifications, Instant programStart) {

    public static NotifierSettings from(MainConfig main, Instant programStart) {
        double length = 60;
        try {
            length = Double.parseDouble(main.value("interval_length", "60").strip());
        } catch (NumberFormatException e) {
            // the config check reports it; the default stands
        }
        return new NotifierSettings(length, main.flag("log_notifications", true), programStart);
    }
}
