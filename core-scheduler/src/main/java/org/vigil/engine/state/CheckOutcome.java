package org.vigil.engine.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One check result, as the plugin runner or the command pipe hands it over.
 *
 * @param returnCode 0-3 for services (timeouts and bad codes already mapped by the plugin runner); for
 *        active host checks the plugin's code, for passive host results the host state 0-2
 * @param output the first line of output without performance data, or null when the plugin said nothing
 * @param latency seconds between the scheduled and the actual start
 */
public record CheckOutcome(int returnCode, String output, String longOutput, String perfData, Instant start,
                           Instant finish, CheckType checkType, double latency) {

    public CheckOutcome {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(checkType, "checkType");
    }

    /** An active result that took one second, the common case in tests and simple callers. */
    public static CheckOutcome active(int returnCode, String output, Instant start) {
        return new CheckOutcome(returnCode, output, null, null, start, start.plusSeconds(1), CheckType.ACTIVE, 0);
    }

    /** A passive result submitted at {@code time}. */
    public static CheckOutcome passive(int returnCode, String output, Instant time) {
        return new CheckOutcome(returnCode, output, null, null, time, time, CheckType.PASSIVE, 0);
    }

    /**
     * Whether Nagios reschedules the object after this result: scheduled active checks are, passive
     * results are not (unless the state changes, which reschedules every object).
     */
    public boolean rescheduleCheck() {
        return checkType == CheckType.ACTIVE;
    }
}
