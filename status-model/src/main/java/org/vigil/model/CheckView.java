package org.vigil.model;

import java.time.Instant;
import org.vigil.engine.state.AcknowledgementType;
import org.vigil.engine.state.CheckType;
import org.vigil.engine.state.CheckableStatus;

/**
 * The check state of one host or service at one instant, copied on the engine thread; immutable.
 *
 * @param state {@code PENDING} before the first result, else the state's name ({@code UP}, {@code CRITICAL}...)
 * @param stateCode Nagios's code of the current state (0 while pending)
 * @param durationSeconds how long the object has been in its state (since the engine started if it never changed),
 *        as of when the view was made: the read model keeps a view until its object changes, so a reader that shows
 *        it takes it {@link #at} the snapshot's time ({@link StatusSnapshot#stamp})
 * @param passive whether the last result was a passive one
 * @param problem whether it is checked and not OK/UP
 * @param handled a problem that is acknowledged or in scheduled downtime; a service's view stamped by a snapshot
 *        ({@link StatusSnapshot#stamp(ServiceView)}) also when its DOWN or UNREACHABLE host is
 *        ({@link ProblemHandling})
 */
public record CheckView(String state, int stateCode, String stateType, int attempt, int maxAttempts,
                        Instant lastCheck, Instant nextCheck, Instant lastStateChange, Instant lastHardStateChange,
                        long durationSeconds, String output, String longOutput, String perfData,
                        boolean acknowledged, String acknowledgementType, int downtimeDepth, boolean flapping,
                        boolean notificationsEnabled, boolean activeChecksEnabled, boolean passiveChecksEnabled,
                        boolean passive, double latency, double executionTime, boolean problem, boolean handled) {

    /** Copies {@code s}; engine thread only. */
    public static CheckView of(CheckableStatus<?> s, Instant now, Instant started) {
        Instant since = set(s.lastStateChange()) != null ? s.lastStateChange() : started;
        long duration = since == null ? 0 : Math.max(0, java.time.Duration.between(since, now).getSeconds());
        boolean problem = s.hasBeenChecked() && !isOk(s);
        boolean acked = s.problemHasBeenAcknowledged();
        return new CheckView(s.displayState(), s.hasBeenChecked() ? code(s) : 0, s.stateType().name(),
                s.currentAttempt(), s.maxAttempts(), set(s.lastCheck()), set(s.nextCheck()), set(s.lastStateChange()),
                set(s.lastHardStateChange()), duration, nz(s.pluginOutput()), nz(s.longPluginOutput()),
                nz(s.perfData()), acked, (s.acknowledgementType() == null ? AcknowledgementType.NONE
                        : s.acknowledgementType()).name(), s.scheduledDowntimeDepth(), s.isFlapping(),
                s.notificationsEnabled(), s.activeChecksEnabled(), s.passiveChecksEnabled(),
                s.hasBeenChecked() && s.checkType() == CheckType.PASSIVE, s.latency(), s.executionTime(),
                problem, problem && (acked || s.scheduledDowntimeDepth() > 0));
    }

    /** This view with {@code handled} set as given. */
    public CheckView handled(boolean h) {
        return h == handled ? this : new CheckView(state, stateCode, stateType, attempt, maxAttempts, lastCheck,
                nextCheck, lastStateChange, lastHardStateChange, durationSeconds, output, longOutput, perfData,
                acknowledged, acknowledgementType, downtimeDepth, flapping, notificationsEnabled, activeChecksEnabled,
                passiveChecksEnabled, passive, latency, executionTime, problem, h);
    }

    /** This view with its duration as of {@code now}, for an engine that started at {@code started}. */
    public CheckView at(Instant now, Instant started) {
        long d = durationAt(now, started);
        return d == durationSeconds ? this : new CheckView(state, stateCode, stateType, attempt, maxAttempts, lastCheck,
                nextCheck, lastStateChange, lastHardStateChange, d, output, longOutput, perfData, acknowledged,
                acknowledgementType, downtimeDepth, flapping, notificationsEnabled, activeChecksEnabled,
                passiveChecksEnabled, passive, latency, executionTime, problem, handled);
    }

    /** How long the object has been in its state at {@code now} (since {@code started} if it never changed). */
    public long durationAt(Instant now, Instant started) {
        Instant since = lastStateChange != null ? lastStateChange : started;
        return since == null ? 0 : Math.max(0, java.time.Duration.between(since, now).getSeconds());
    }

    /** The engine keeps "never" as the epoch, as status.dat writes 0; the API says null. */
    private static Instant set(Instant t) {
        return t == null || t.getEpochSecond() == 0 ? null : t;
    }

    private static boolean isOk(CheckableStatus<?> s) {
        return ((org.vigil.engine.state.NagiosState) s.currentState()).isOk();
    }

    private static int code(CheckableStatus<?> s) {
        return ((org.vigil.engine.state.NagiosState) s.currentState()).code();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
