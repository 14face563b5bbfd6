package org.vigil.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.ack.Acknowledgement;
import org.vigil.engine.dependency.Dependencies;
import org.vigil.engine.exec.CarriedResult;
import org.vigil.engine.exec.CheckExecutor;
import org.vigil.engine.handler.HandlerDispatch;
import org.vigil.engine.freshness.FreshnessSettings;
import org.vigil.engine.handler.HandlerSettings;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.RetainedState;
import org.vigil.engine.retention.WriteBehindRetention;
import org.vigil.engine.schedule.CheckClock;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.EventIds;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.state.StateLog;
import org.vigil.engine.sweep.Sweeps;

/**
 * The engine: owns the runtime status of every host and service on one thread, has the check clock call it
 * when checks are due, runs them in a bounded pool, and applies each result through the state machine.
 * Every change goes through {@link #submit}, so changes are ordered and each can be logged and retained.
 *
 * <p>This class is the engine's face; each concern lives in a part of its own, built and wired by
 * {@link EngineAssembly}: {@link EngineThread} (the thread and its queue), {@link CheckRuns} and
 * {@link CheckSchedule} (the life of a check), {@link Results} (a result applied), {@link ProgramSwitches} and
 * {@link ObjectSwitches},
 * {@link EntryStore} with the comments, acknowledgements and downtimes, {@link Retained} and {@link Restore}
 * (retention), {@link Reloads} (the reload handover), {@link FreshnessPasses}.
 */
public final class Engine implements AutoCloseable, Sweeps.Owner {

    private final EngineAssembly a;

    /** Builds the engine for {@code model}; nothing runs until {@link #start}. */
    public Engine(ObjectModel model, MainConfig main, Clock clock, CheckClock checkClock,
                  CheckExecutor.Factory executors, NagiosLog log, EngineListener listener) {
        this(model, main, clock, checkClock, executors, HandlerDispatch.LOCAL, log, listener);
    }

    /** {@link #Engine(ObjectModel, MainConfig, Clock, CheckClock, CheckExecutor.Factory, NagiosLog, EngineListener)},
     * its event handlers offered to {@code handlers} (gearmand workers) before they run here. */
    public Engine(ObjectModel model, MainConfig main, Clock clock, CheckClock checkClock,
                  CheckExecutor.Factory executors, HandlerDispatch handlers, NagiosLog log, EngineListener listener) {
        this.a = new EngineAssembly(model, main, clock, checkClock, log, listener,
                new EngineAssembly.Runners(executors, handlers));
    }

    // life: retain, start, close ---------------------------------------------------------------------------

    /**
     * {@link #retain} for a reload: {@code state} is the replaced engine's own, so it is taken whole (comments that
     * are not persistent and flapping comments included), where a restart drops what Nagios drops.
     */
    public void retainHandover(RetainedState state, WriteBehindRetention writer) {
        call(() -> {
            a.restore.restore(state, writer, true);
            return null;
        });
    }

    /**
     * Restores retained state before {@link #start} and sends every later change to {@code writer}.
     * Objects without a record start PENDING, as new objects do.
     */
    public void retain(RetainedState state, WriteBehindRetention writer) {
        call(() -> {
            a.restore.restore(state, writer, false);
            return null;
        });
    }

    /** The retention keys of every object of the config, for retention to drop the others. */
    public Set<ObjectKey> retentionKeys() {
        return a.retained.keys(a.model);
    }

    /**
     * Logs the initial states, puts the restored downtimes that are due in force, and starts the clock. A retained
     * next check still ahead is kept; the others are spread over their intervals.
     */
    public void start() {
        call(() -> {
            Instant now = a.clock.instant();
            a.freshness.checker().started(now.truncatedTo(ChronoUnit.SECONDS), Instant.EPOCH);
            StateLog.initialStates(a.switches.settings(), a.objects.hosts(), a.objects.services())
                    .forEach(a.log::log);
            // restored downtimes are in force before the clock, the command file or the listener's pass can act
            a.entries.downtimes().resume(now);
            a.entries.acknowledgements().resume(a.objects);
            a.entries.acknowledgements().expire(a.objects, now, a.log::log);
            a.schedule.scheduleAtStart(now, a.continuing);
            return null;
        });
        a.checkClock.start(a.runs::due);
    }

    /** Waits until no check is running or queued and the engine thread is idle; for tests and shutdown. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (call(a.runs::idle) && a.pool.idle() && call(a.runs::idle)) {
                return true;
            }
            Thread.sleep(2);
        }
        return false;
    }

    /** Stops the clock, lets running checks finish for a moment, and stops the threads. */
    @Override
    public void close() {
        a.thread.beginClose();
        a.checkClock.close();
        a.handlers.close();
        a.pool.close();
        // after the results of the checks that finished: sweeps waiting end, cancelled
        submit("sweep cancel", a.sweeps::cancelAll);
        a.thread.close();
        a.feeds.close(); // after the last results: their perfdata lines are written
    }

    // the engine thread -----------------------------------------------------------------------------------

    /** Runs {@code task} on the engine thread and waits for it; for callers outside the engine. */
    @Override
    public <T> T call(Callable<T> task) {
        return a.thread.call(task);
    }

    /** {@link #submit(String, Runnable)} with the kind named after the class that queues {@code task}. */
    public void submit(Runnable task) {
        submit(TaskGuard.kindOf(task), task);
    }

    /**
     * Queues {@code task} on the engine thread; after close, tasks are dropped. One that throws (an Error included)
     * is logged under {@code kind} and the thread goes on ({@link TaskGuard}).
     */
    public void submit(String kind, Runnable task) {
        a.thread.submit(kind, task);
    }

    // objects and their status (engine thread only) --------------------------------------------------------

    /** The check target of host {@code hostName}, if the config defines it. */
    public Optional<CheckTarget> hostTarget(String hostName) {
        return a.objects.hostTarget(hostName);
    }

    /** The check target of the service {@code key}, if the config defines it. */
    public Optional<CheckTarget> serviceTarget(ServiceKey key) {
        return a.objects.serviceTarget(key);
    }

    /** The runtime status of {@code target}. */
    public CheckableStatus<?> statusOf(CheckTarget target) {
        return a.objects.status(target);
    }

    /** The host statuses; engine thread only. */
    public Collection<HostStatus> hosts() {
        return a.objects.hosts();
    }

    /** The service statuses; engine thread only. */
    public Collection<ServiceStatus> services() {
        return a.objects.services();
    }

    /** The check targets of all objects, for tests and tools. */
    public List<CheckTarget> targets() {
        return a.objects.targetList();
    }

    /**
     * Hands {@code target}'s status to retention again after a part after the engine changed it (the notifier's
     * notification number and times, outside a result); engine thread only.
     */
    public void statusChanged(CheckTarget target) {
        a.retained.statusChanged(target);
    }

    // checks and results (engine thread only) --------------------------------------------------------------

    /**
     * Applies a submitted (passive) result through the state machine, as a plugin's result is applied.
     * False, and nothing changes, when passive results are not accepted for the object (its
     * {@code passive_checks_enabled} or the global {@code accept_passive_*_checks}).
     */
    public boolean submitResult(CheckTarget target, CheckOutcome outcome) {
        return a.results.submit(target, outcome);
    }

    /**
     * Nagios's {@code schedule_service_check}/{@code schedule_host_check} for a command: a forced check runs at
     * {@code at} whatever its checks, period or current schedule; a normal one only moves an enabled
     * object's next check earlier, never later, and within its check period. True if the schedule moved.
     */
    public boolean scheduleCheck(CheckTarget target, Instant at, boolean forced) {
        if (!a.schedule.scheduleCheck(target, at, forced)) {
            return false;
        }
        a.retained.statusChanged(target);
        return true;
    }

    /** One pass of Nagios's {@code check_service_result_freshness}; engine thread (callers use submit). */
    public void checkServiceFreshness() {
        a.freshness.pass(false);
    }

    /** One pass of Nagios's {@code check_host_result_freshness}; engine thread. */
    public void checkHostFreshness() {
        a.freshness.pass(true);
    }

    /** Nagios's {@code is_being_freshened}: a freshness check of {@code target} is pending or running. */
    public boolean isBeingFreshened(CheckTarget target) {
        return a.freshness.checker().isBeingFreshened(target);
    }

    /** The freshness settings now in force. */
    public FreshnessSettings freshnessSettings() {
        return a.freshness.checker().settings();
    }

    /** The event handler settings (global handlers, timeout), for status.dat. */
    public HandlerSettings eventHandlerSettings() {
        return a.handlers.settings();
    }

    /**
     * The performance data files and commands and OCSP/OCHP of this engine ({@code org.vigil.engine.feed}): how many
     * lines they dropped, and at a reload, after {@link #handOver}, {@code closeFiles} before the next engine's
     * first line.
     */
    public org.vigil.engine.feed.Feeds feeds() {
        return a.feeds;
    }

    /** Waits until no event handler is running; for tests and shutdown. */
    public boolean awaitEventHandlers(Duration timeout) throws InterruptedException {
        return a.handlers.awaitIdle(timeout);
    }

    /**
     * The dependency queries ({@link Dependencies#notificationsBlocked}) for the notifier; engine thread only,
     * like the statuses they read.
     */
    public Dependencies dependencies() {
        return a.gate.dependencies();
    }

    // switches (engine thread only) ------------------------------------------------------------------------

    /** The per-object switches commands turn on and off (active and passive checks, notifications...). */
    public ObjectSwitches objectSwitches() {
        return a.objectSwitches;
    }

    /** The program-wide switches ({@code enable_notifications}, {@code execute_*_checks}...); engine thread. */
    public ProgramSwitches switches() {
        return a.switches;
    }

    // entries and notifications (engine thread only) ------------------------------------------------------

    /** The host and service comments, for commands and for the features that make comments; engine thread only. */
    public org.vigil.engine.comment.Comments comments() {
        return a.entries.comments();
    }

    /** The scheduled downtimes (org.vigil.engine.downtime); engine thread only. */
    public org.vigil.engine.downtime.DowntimeBook downtimes() {
        return a.entries.downtimes();
    }

    /**
     * Nagios's {@code acknowledge_*_problem}: acknowledges the problem of {@code target} now. False, and
     * nothing changes, when the object is UP or OK (there is no problem to acknowledge).
     */
    public boolean acknowledge(CheckTarget target, Acknowledgement ack) {
        if (!a.entries.acknowledgements().acknowledge(target, statusOf(target), ack, a.clock.instant())) {
            return false;
        }
        a.retained.statusChanged(target);
        return true;
    }

    /**
     * Ends the acknowledgements whose end time ({@code ACKNOWLEDGE_*_PROBLEM_EXPIRE}) has come, each logged;
     * the daemon runs it every second, as it runs the downtimes. Engine thread only.
     */
    public void expireAcknowledgements(Instant now) {
        a.entries.acknowledgements().expire(a.objects, now, line -> a.log.log(line));
    }

    /** Nagios's {@code remove_*_acknowledgement}: clears the flag and deletes non-persistent ack comments. */
    public void removeAcknowledgement(CheckTarget target) {
        a.entries.acknowledgements().remove(target, statusOf(target));
        a.retained.statusChanged(target);
    }

    /** Hands a custom notification request to the listener (the notifier applies Nagios's rules to it). */
    public void sendCustomNotification(CheckTarget target, int options, String author, String comment) {
        a.listener.customNotification(target, statusOf(target), options, author, comment);
    }

    /** The comments, downtimes and acknowledgements held now, in id order; engine thread only. */
    public List<Entry> entries() {
        return a.entries.store().all();
    }

    /** Where entries are kept and their ids handed out (in memory and in retention); engine thread only. */
    public org.vigil.engine.comment.EntrySink entrySink() {
        return a.entries.store();
    }

    /** Decided notifications not yet sent, kept with the changes that caused them (see {@link NotificationJournal}). */
    public NotificationJournal journal() {
        return a.journal;
    }

    /** Flap detection itself, for tests and tools; engine thread only. */
    public org.vigil.engine.flap.FlapDetection flapDetection() {
        return a.flapping;
    }

    /** The sweeps of this engine; engine thread only (callers go through {@link #call}). */
    @Override
    public Sweeps sweeps() {
        return a.sweeps;
    }

    // reload (org.vigil.engine.reload) ---------------------------------------------------------------------

    /** Stops starting checks (due ones stay due, nothing is rescheduled away); running ones finish and apply. */
    public void pauseChecks() {
        a.runs.pause();
        a.checkClock.close();
    }

    /**
     * Everything retention keeps, as it keeps it: the record of every host and service, the program's record,
     * and the entries. The same attributes as {@link #retain} restores, so a reload is a retention round trip.
     */
    public RetainedState snapshot() {
        return call(a.reloads::snapshot);
    }

    /**
     * For a reload, after {@link #pauseChecks}: from now on results of checks still running go to {@code next}
     * instead of being applied here. Returns this engine's state and the objects whose checks are running,
     * taken in the same engine-thread step, so no result falls between the two.
     */
    public Handover handOver(Consumer<CarriedResult> next) {
        return call(() -> a.reloads.handOver(next));
    }

    /** The objects whose checks are running now. */
    public Set<ObjectKey> runningChecks() {
        return call(a.runs::runningKeys);
    }

    /**
     * Before {@link #start} and after {@link #retain}ing the handover's state, on the engine that replaces
     * another: this engine continues that one's schedule exactly (checks that came due during the swap run at
     * once), and the checks of {@code handover.running()} are still running there, so they are not started again
     * until their results arrive through {@link #applyCarried}.
     */
    public void continueFrom(Handover handover) {
        call(() -> {
            a.continuing = true;
            a.reloads.continueFrom(handover);
            return null;
        });
    }

    /** A result of a check the replaced engine started: applied here like any result (dropped if the object went). */
    public void applyCarried(CarriedResult r) {
        submit("carried check result", () -> a.retained.target(r.object())
                .ifPresent(t -> a.finish(t, r.outcome(), r.failure())));
    }

    /** Checks of {@code lost} never came back from the replaced engine: they may run again, due now. */
    public void releaseRunning(Set<ObjectKey> lost) {
        submit("lost checks", () -> a.reloads.release(lost, a.sweeps::lost));
    }

    // figures ---------------------------------------------------------------------------------------------

    /** Checks done and their latencies, readable from any thread. */
    public EngineMetrics metrics() {
        return a.metrics;
    }

    /** How many checks and commands of each kind this engine ran lately, for status.dat. */
    public org.vigil.engine.stats.CheckStatistics checkStatistics() {
        return a.stats;
    }

    /** When each contact was last notified (status.dat's contactstatus); use on the engine thread. */
    public ContactNotifications contactNotifications() {
        return a.contactNotifications;
    }

    public EventIds eventIds() {
        return a.ids;
    }

    public ObjectModel model() {
        return a.model;
    }
}
