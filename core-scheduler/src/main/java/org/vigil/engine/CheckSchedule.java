package org.vigil.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.vigil.config.model.ObjectModel;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.schedule.CheckClock;
import org.vigil.engine.schedule.CheckPeriods;
import org.vigil.engine.schedule.InitialSpread;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Checkables;

/**
 * When each check runs next: the one place a check is put on the check clock ({@link #place}), moved into its
 * check period, forced by command, spread over its interval at start. It decides when, never what a result means.
 */
final class CheckSchedule {

    private final Checkables objects;
    private final ObjectModel model;
    private final CheckPeriods periods;
    private final CheckClock checkClock;
    private final Clock clock;
    private final NagiosLog log;
    private final BooleanSupplier closing;
    private final int intervalLength;
    /**
     * Checks whose pending clock entry is forced: they run even while checks of their kind are not executed or
     * their execution dependencies fail. The clock thread takes, the engine thread adds.
     */
    private final Set<String> forcedChecks = ConcurrentHashMap.newKeySet();

    /** The parts a schedule reads: the objects and their config, the clocks, and the engine's closing flag. */
    record Parts(Checkables objects, ObjectModel model, CheckPeriods periods, CheckClock checkClock, Clock clock) {
    }

    CheckSchedule(Parts parts, NagiosLog log, BooleanSupplier closing, int intervalLength) {
        this.objects = parts.objects();
        this.model = parts.model();
        this.periods = parts.periods();
        this.checkClock = parts.checkClock();
        this.clock = parts.clock();
        this.log = log;
        this.closing = closing;
        this.intervalLength = intervalLength;
    }

    /** Whether the clock entry of {@code checkId} that came due was forced; clears the mark. Any thread. */
    boolean takeForced(String checkId) {
        return forcedChecks.remove(checkId);
    }

    /** Moves {@code t}'s next check to {@code at} or the first time its check period allows after it. */
    void schedule(CheckTarget t, Instant at) {
        if (closing.getAsBoolean()) {
            return;
        }
        CheckableStatus<?> st = objects.status(t);
        String period = t.isHost() ? model.hosts().get(t.hostName()).check().checkPeriod()
                : model.services().get(t.service()).check().checkPeriod();
        Optional<Instant> valid = periods.nextValid(at, period);
        if (valid.isEmpty()) {
            log.log("Warning: check of " + t + " could not be rescheduled: its check_period '" + period
                    + "' has no valid time within a year");
            checkClock.cancel(t.id());
            return;
        }
        place(t, st, valid.get(), false);
    }

    /** Like {@link #schedule}, and the check keeps its force (Nagios keeps the check options it reschedules). */
    void deferForced(CheckTarget t, Instant at) {
        schedule(t, at);
        forcedChecks.add(t.id());
    }

    /**
     * Nagios's {@code schedule_service_check}/{@code schedule_host_check} for a command: a forced check runs at
     * {@code at} whatever its checks, period or current schedule; a normal one only moves an enabled
     * object's next check earlier, never later, and within its check period. True if the schedule moved.
     */
    boolean scheduleCheck(CheckTarget target, Instant at, boolean forced) {
        CheckableStatus<?> st = objects.status(target);
        if (forced) {
            place(target, st, at, true);
            return true;
        }
        Instant next = st.nextCheck();
        boolean pending = !next.isBefore(clock.instant());
        if (!st.activeChecksEnabled() || (pending && !next.isAfter(at))) {
            return false;
        }
        schedule(target, at);
        return true;
    }

    /**
     * Turns active checks of {@code target} on (checked now, or at the next time its check period allows, as
     * Nagios does) or off (taken off the clock). False, and nothing changes, if they already were.
     */
    boolean setActiveChecksEnabled(CheckTarget target, boolean enabled) {
        CheckableStatus<?> st = objects.status(target);
        if (st.activeChecksEnabled() == enabled) {
            return false;
        }
        st.setActiveChecksEnabled(enabled);
        if (!enabled) {
            st.setShouldBeScheduled(false);
            checkClock.cancel(target.id());
        } else if (st.checkInterval() > 0) {
            st.setShouldBeScheduled(true);
            schedule(target, clock.instant());
        }
        return true;
    }

    /**
     * The one place a check is put on the clock: its status shows the time, and a normal placing drops a pending
     * force, as Nagios's new event replaces the old one.
     */
    private void place(CheckTarget t, CheckableStatus<?> st, Instant at, boolean forced) {
        st.setNextCheck(at);
        if (forced) {
            forcedChecks.add(t.id());
        } else {
            forcedChecks.remove(t.id());
        }
        checkClock.schedule(t.id(), at);
    }

    /**
     * The first schedule at start: a retained next check still ahead is kept; the others are spread over their
     * intervals. {@code continuing}: a reload's, so a check that came due during the swap runs now.
     */
    void scheduleAtStart(Instant now, boolean continuing) {
        for (CheckTarget t : objects.targets()) {
            CheckableStatus<?> st = objects.status(t);
            if (!st.activeChecksEnabled() || st.checkInterval() <= 0) {
                st.setShouldBeScheduled(false); // as Nagios's init_timing_loop: status.dat says so, the CGIs too
                continue;
            }
            if (t.isHost() && !objects.host(t.hostName()).hasCheckCommand()) {
                continue;
            }
            Duration interval = Duration.ofMillis((long) (st.checkInterval() * intervalLength * 1000));
            Instant retained = st.nextCheck();
            boolean keep = retained.isAfter(now) && retained.isBefore(now.plus(interval));
            if (continuing && !keep && retained.isAfter(Instant.EPOCH) && !retained.isAfter(now)) {
                retained = now; // came due while the reload swapped engines: run it now, not spread again
                keep = true;
            }
            schedule(t, keep ? retained : InitialSpread.first(t.id().substring(0, 1) + t, interval, now));
        }
    }

    /** Seconds in one interval unit ({@code interval_length}). */
    int intervalLength() {
        return intervalLength;
    }
}
