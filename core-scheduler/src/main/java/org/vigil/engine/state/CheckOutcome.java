package org.vigil.engine.state;

import java.time.Instant;
import java.util.Objects;
import org.vigil.checks.result.PluginExit;

/**
 * One check result, as the plugin runner or the command pipe hands it over.
 *
 * @param verdict what the result says: a plugin's exit for active checks, a service or host state for passive ones
 * @param output the first line of output without performance data, or null when the plugin said nothing
 * @param latency seconds between the scheduled and the actual start
 */
public record CheckOutcome(Verdict verdict, String output, String longOutput, String perfData, Instant start,
                           Instant finish, CheckType checkType, double latency) {

    public CheckOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(checkType, "checkType");
    }

    /** An active result that took one second, the common case in tests and simple callers. */
    public static CheckOutcome active(PluginExit exit, String output, Instant start) {
        return new CheckOutcome(new Verdict.Plugin(exit), output, null, null, start, start.plusSeconds(1),
                CheckType.ACTIVE, 0);
    }

    /** A passive service result submitted at {@code time}. */
    public static CheckOutcome passive(ServiceState state, String output, Instant time) {
        return new CheckOutcome(new Verdict.Service(state), output, null, null, time, time, CheckType.PASSIVE, 0);
    }

    /** A passive host result submitted at {@code time}. */
    public static CheckOutcome passive(HostState state, String output, Instant time) {
        return new CheckOutcome(new Verdict.Host(state), output, null, null, time, time, CheckType.PASSIVE, 0);
    }

    /**
     * The state of a service this result is for: a passive result's state, or the plugin's exit, which for a
     * service is its state. A host state here is a caller's mistake.
     */
    public ServiceState serviceState() {
        if (verdict instanceof Verdict.Service s) {
            return s.state();
        }
        if (verdict instanceof Verdict.Plugin p) {
            return ServiceState.of(p.exit());
        }
        throw new IllegalStateException("a host result applied to a service: " + verdict);
    }

    /**
     * Whether Nagios reschedules the object after this result: scheduled active checks are, passive
     * results are not (unless the state changes, which reschedules every object).
     */
    public boolean rescheduleCheck() {
        return checkType == CheckType.ACTIVE;
    }
}
