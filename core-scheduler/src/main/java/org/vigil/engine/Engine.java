package org.vigil.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.freshness.Candidate;
import org.vigil.engine.freshness.FreshnessChecker;
import org.vigil.engine.freshness.FreshnessSettings;
import org.vigil.engine.handler.EventHandlers;
import org.vigil.engine.handler.HandlerSettings;
import org.vigil.engine.dependency.CheckGate;
import org.vigil.engine.dependency.Dependencies;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.retention.RetainedState;
import org.vigil.engine.retention.WriteBehindRetention;
import org.vigil.engine.schedule.CheckClock;
import org.vigil.engine.schedule.CheckPeriods;
import org.vigil.engine.schedule.InitialSpread;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckType;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Effects;
import org.vigil.engine.state.EventIds;
import org.vigil.engine.state.HostChecks;
import org.vigil.engine.state.HostNetwork;
import org.vigil.engine.state.HostResultHandler;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceResultHandler;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.state.StateLog;
import org.vigil.engine.state.StateSettings;

/**
 * The engine: owns the runtime status of every host and service on one thread, has the check clock call it
 * when checks are due, runs them in a bounded pool, and applies each result through the state machine.
 * Every change goes through {@link #submit}, so changes are ordered and each can be logged and retained.
 */
public final class Engine implements AutoCloseable {

    private final ObjectModel model;
    private final Clock clock;
    private final CheckClock checkClock;
    private final CheckExecutor executor;
    private final NagiosLog log;
    private final EngineListener listener;
    private StateSettings settings;
    private final CheckPeriods periods;
    private final ExecutorService engineThread;
    private final TaskGuard taskGuard;
    private final NotificationJournal journal = new NotificationJournal(task -> submit("notification journal", task));
    private final ThreadPoolExecutor pool;

    private final Map<String, HostStatus> hosts = new LinkedHashMap<>();
    private final Map<ServiceKey, ServiceStatus> services = new LinkedHashMap<>();
    private final Map<String, CheckTarget> targets = new HashMap<>();
    private final Map<String, CheckTarget> hostTargets = new HashMap<>();
    /** Checks running now; the clock thread adds, the engine thread removes. */
    private final Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final EventIds ids = EventIds.fresh();
    private final ServiceResultHandler serviceHandler;
    private final HostResultHandler hostHandler;
    private final EngineMetrics metrics = new EngineMetrics();
    private WriteBehindRetention retention;
    private long retainedVersion;
    /** Set first thing on close: from then on nothing is started or rescheduled, and late results are dropped. */
    private volatile boolean closing;
    private boolean notificationsEnabled;
    private Map<ServiceKey, CheckTarget> serviceTargets;
    private final Map<Long, org.vigil.engine.retention.Entry> entries = new java.util.TreeMap<>();
    /** Scheduled downtimes; engine thread only. */
    private final org.vigil.engine.downtime.DowntimeBook downtimes;
    /** Flap detection (org.vigil.engine.flap). */
    private final org.vigil.engine.flap.FlapDetection flapping;
    // passive checks, freshness and event handlers (org.vigil.engine.freshness, org.vigil.engine.handler)
    private final FreshnessChecker freshness;
    private final EventHandlers eventHandlers;
    /** Program-wide switches: read by the clock thread, changed on the engine thread. */
    private volatile boolean executeServiceChecks;
    private volatile boolean executeHostChecks;
    private boolean eventHandlersEnabled;
    /** The program switches changed by command, the only ones retained (as Nagios's modified attributes). */
    private final Map<String, String> programChanges = new HashMap<>();
    /**
     * Checks whose pending clock entry is forced: they run even while checks of their kind are not executed or
     * their execution dependencies fail.
     */
    private final Set<String> forcedChecks = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Execution dependencies and host_down_disable_service_checks (org.vigil.engine.dependency). */
    private final CheckGate gate;
    /** Entry ids when retention is off: above every id seen. */
    private long lastEntryId;
    /** Reload: set by {@link #pauseChecks}; no check is started any more, running ones still finish. */
    private volatile boolean paused;
    /** Reload: set by {@link #handOver}; results of checks still running go to the engine that replaced this one. */
    private volatile java.util.function.Consumer<CarriedResult> successor;
    /** Reload: this engine continues another's schedule, so checks that came due meanwhile run at once. */
    private boolean continuing;
    /** Reload: the state restored is another engine's, not a restart's, so nothing a restart drops is dropped. */
    private boolean restoringHandover;
    private final org.vigil.engine.comment.Comments comments;
    private final org.vigil.engine.ack.Acknowledgements acknowledgements;
    /** Sweeps (org.vigil.engine.sweep); engine thread only. */
    private final org.vigil.engine.sweep.Sweeps sweeps = new org.vigil.engine.sweep.Sweeps(new SweepChecks());

    /** Builds the engine for {@code model}; nothing runs until {@link #start}. */
    public Engine(ObjectModel model, MainConfig main, Clock clock, CheckClock checkClock,
                  CheckExecutor.Factory executors, NagiosLog log, EngineListener listener) {
        this.model = model;
        this.clock = clock;
        this.checkClock = checkClock;
        this.log = log;
        this.listener = listener;
        this.settings = StateSettings.from(main);
        this.notificationsEnabled = main.flag("enable_notifications", true);
        this.periods = new CheckPeriods(model.compileTimeperiods(main.zone(), new Diagnostics()));
        for (Host h : model.hosts().values()) {
            hosts.put(h.name(), new HostStatus(h));
        }
        int n = 0;
        for (Service s : model.services().values()) {
            services.put(s.key(), new ServiceStatus(s));
        }
        for (HostStatus h : hosts.values()) {
            CheckTarget t = new CheckTarget("h" + n++, h.name(), null);
            targets.put(t.id(), t);
            hostTargets.put(h.name(), t);
        }
        for (ServiceStatus s : services.values()) {
            CheckTarget t = new CheckTarget("s" + n++, s.hostName(), s.key());
            targets.put(t.id(), t);
        }
        this.flapping = new org.vigil.engine.flap.FlapDetection(org.vigil.engine.flap.FlapConfig.from(main),
                settings.intervalLength(), new org.vigil.engine.flap.EntryFlapComments(this));
        registerFlapDetection();
        this.executor = executors.create(new StatusMacros(hosts, services, clock));
        this.serviceHandler = new ServiceResultHandler(settings, ids);
        this.hostHandler = new HostResultHandler(settings, ids, HostNetwork.of(hosts.values()));
        this.gate = CheckGate.of(model, main, targets.values(), new Dependencies.Statuses() {
            @Override
            public HostStatus host(String name) {
                return hosts.get(name);
            }

            @Override
            public ServiceStatus service(ServiceKey key) {
                return services.get(key);
            }
        }, settings.intervalLength(), log::log);
        this.engineThread = Executors.newSingleThreadExecutor(r -> daemon(r, "vigil-engine"));
        this.taskGuard = new TaskGuard(log::log);
        int max = main.value("max_concurrent_checks").map(Engine::parseIntOrZero).orElse(0);
        // unlimited (0) becomes 64 threads: enough for slow network plugins, while forking is capped at the
        // number of cores by the runner (256 threads forking at once on 2 cores halved throughput)
        int size = max > 0 ? max : 64;
        this.pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, "vigil-check"));
        pool.allowCoreThreadTimeOut(true);
        this.comments = new org.vigil.engine.comment.Comments(new org.vigil.engine.comment.EntrySink() {
            @Override
            public long nextEntryId() {
                return Engine.this.nextEntryId();
            }

            @Override
            public void saveEntry(org.vigil.engine.retention.Entry entry) {
                Engine.this.saveEntry(entry);
            }

            @Override
            public void removeEntry(long id) {
                Engine.this.removeEntry(id);
            }
        });
        this.acknowledgements = new org.vigil.engine.ack.Acknowledgements(comments, (t, st, ack) ->
                listener.acknowledged(t, st, ack.author(), ack.comment(), ack.sendNotification()));
        this.downtimes = new org.vigil.engine.downtime.DowntimeBook(this, log, listener,
                new org.vigil.engine.downtime.EntryDowntimeComments(this),
                org.vigil.engine.downtime.DowntimeText.of(main.value("date_format").orElse("us"), main.zone()));
        this.freshness = new FreshnessChecker(FreshnessSettings.from(main), log::log);
        this.eventHandlers = EventHandlers.create(model, main, new StatusMacros(hosts, services, clock), clock,
                log::log);
        this.executeServiceChecks = main.flag("execute_service_checks", true);
        this.executeHostChecks = settings.executeHostChecks();
        this.eventHandlersEnabled = main.flag("enable_event_handlers", true);
    }

    private static int parseIntOrZero(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * {@link #retain} for a reload: {@code state} is the replaced engine's own, so it is taken whole (comments that
     * are not persistent and flapping comments included), where a restart drops what Nagios drops.
     */
    public void retainHandover(RetainedState state, WriteBehindRetention writer) {
        restoringHandover = true;
        try {
            retain(state, writer);
        } finally {
            restoringHandover = false;
        }
    }

    /**
     * Restores retained state before {@link #start} and sends every later change to {@code writer}.
     * Objects without a record start PENDING, as new objects do.
     */
    public void retain(RetainedState state, WriteBehindRetention writer) {
        call(() -> {
            for (ObjectRecord r : state.records().values()) {
                ObjectKey k = r.key();
                switch (k.kind()) {
                    case HOST -> {
                        HostStatus h = hosts.get(k.name());
                        if (h != null) {
                            RetainedStatus.restoreHost(h, r.attributes());
                            flapping.restore(hostTargets.get(k.name()), h, r.attributes());
                        }
                    }
                    case SERVICE -> {
                        ServiceStatus s = services.get(new ServiceKey(k.name(), k.service()));
                        if (s != null) {
                            RetainedStatus.restoreService(s, r.attributes());
                            flapping.restore(serviceTarget(s.key()).orElseThrow(), s, r.attributes());
                        }
                    }
                    case PROGRAM -> {
                        ids.restore(number(r.attributes().get("next_event_id")),
                                number(r.attributes().get("next_problem_id")));
                        String flag = r.attributes().get("enable_notifications");
                        if (flag != null) {
                            notificationsEnabled = "1".equals(flag);
                        }
                        flapping.restoreEnabled(r.attributes().get("enable_flap_detection"));
                        restoreProgramSwitches(r.attributes());
                    }
                    default -> {
                    }
                }
                retainedVersion = Math.max(retainedVersion, r.version());
            }
            restoreEntries(state);
            retention = writer;
            journal.attach(writer);
            downtimes.restore(state.entries());
            restoreComments(state);
            if (!restoringHandover) {
                dropRetainedFlappingComments(state);
                recheckFlappingAfterRestore(state);
            }
            return null;
        });
    }

    /** Comments come back by Nagios's rule for retained comments; engine thread, after the states. */
    private void restoreComments(RetainedState state) {
        comments.restore(state.entries(), this::target, t -> restoringHandover || status(t)
                        .problemHasBeenAcknowledged(), restoringHandover)
                .forEach(problem -> log.log("Warning: retention: " + problem));
        comments.all().forEach(c -> entries.put(c.id(), c.toEntry()));
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The retention keys of every object of the config, for retention to drop the others. */
    public Set<ObjectKey> retentionKeys() {
        Set<ObjectKey> keys = new HashSet<>();
        hosts.keySet().forEach(h -> keys.add(ObjectKey.host(h)));
        services.keySet().forEach(k -> keys.add(ObjectKey.service(k.hostName(), k.description())));
        model.contacts().keySet().forEach(c -> keys.add(ObjectKey.contact(c)));
        return keys;
    }

    /**
     * Logs the initial states, puts the restored downtimes that are due in force, and starts the clock. A retained
     * next check still ahead is kept; the others are spread over their intervals.
     */
    public void start() {
        call(() -> {
            Instant now = clock.instant();
            freshness.started(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Instant.EPOCH);
            StateLog.initialStates(settings, hosts.values(), services.values()).forEach(log::log);
            // restored downtimes are in force before the clock, the command file or the listener's pass can act
            downtimes.resume(now);
            for (CheckTarget t : targets.values()) {
                CheckableStatus<?> st = status(t);
                if (!st.activeChecksEnabled() || st.checkInterval() <= 0 || (t.isHost() && !hosts.get(t.hostName())
                        .hasCheckCommand())) {
                    continue;
                }
                Duration interval = Duration.ofMillis((long) (st.checkInterval() * settings.intervalLength() * 1000));
                Instant retained = st.nextCheck();
                boolean keep = retained.isAfter(now) && retained.isBefore(now.plus(interval));
                if (continuing && !keep && retained.isAfter(Instant.EPOCH) && !retained.isAfter(now)) {
                    retained = now; // came due while the reload swapped engines: run it now, not spread again
                    keep = true;
                }
                schedule(t, keep ? retained : InitialSpread.first(t.id().substring(0, 1) + t, interval, now));
            }
            return null;
        });
        checkClock.start(this::due);
    }

    /** Hands the object's state to retention; engine thread only. */
    /**
     * Hands {@code target}'s status to retention again after a part after the engine changed it (the notifier's
     * notification number and times, outside a result); engine thread only.
     */
    public void statusChanged(CheckTarget target) {
        retainStatus(target, status(target));
    }

    private void retainStatus(CheckTarget t, CheckableStatus<?> st) {
        if (retention == null) {
            return;
        }
        ObjectKey key = t.isHost() ? ObjectKey.host(t.hostName())
                : ObjectKey.service(t.hostName(), t.service().description());
        Map<String, String> attributes = RetainedStatus.attributes(st);
        attributes.putAll(flapping.attributes(t, st));
        retention.save(new ObjectRecord(key, ++retainedVersion, attributes));
        retainProgram();
    }

    /** Hands the program-wide state to retention; engine thread only. */
    private void retainProgram() {
        if (retention == null) {
            return;
        }
        retention.save(programRecord());
    }

    /** The program-wide state as retention keeps it; engine thread only. */
    private ObjectRecord programRecord() {
        Map<String, String> program = new HashMap<>(programChanges);
        program.putAll(Map.of(
                "next_event_id", Long.toString(ids.nextEventId()),
                "next_problem_id", Long.toString(ids.nextProblemId()),
                "enable_notifications", notificationsEnabled ? "1" : "0",
                "enable_flap_detection", flapping.enabled() ? "1" : "0"));
        return new ObjectRecord(ObjectKey.program(), ++retainedVersion, program);
    }

    /** Runs {@code task} on the engine thread and waits for it; for callers outside the engine. */
    public <T> T call(java.util.concurrent.Callable<T> task) {
        try {
            return engineThread.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
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
        try {
            engineThread.execute(taskGuard.guard(kind, task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (!closing) {
                throw e;
            }
        }
    }

    /**
     * From the check clock's thread: hands a due check straight to the pool (no hop through the engine
     * thread, which measured as most of the scheduling latency); only results go through the engine thread.
     */
    private void due(String checkId, Instant scheduledFor) {
        boolean forced = forcedChecks.remove(checkId);
        if (!forced && !executionAllowed(checkId)) {
            submit("skipped check", () -> skipCheck(checkId));
            return;
        }
        CheckTarget target = targets.get(checkId);
        if (!forced && settings.cachedHostCheckHorizon() > 0 && target != null && target.isHost()) {
            // the host's last check is the engine thread's to read
            submit("due host check", () -> dueHost(checkId, scheduledFor));
            return;
        }
        if (gate.gated(checkId)) {
            // objects with execution dependencies are judged on the engine thread, which owns the statuses
            submit("due check", () -> dueGated(checkId, scheduledFor, forced));
            return;
        }
        startCheck(checkId, scheduledFor);
    }

    /**
     * A due host check that is not forced, with a cache horizon: as Nagios's {@code run_scheduled_host_check}, one
     * within the horizon of the host's last check is not run but moved to one check interval from now (five
     * minutes without one), which also drops a retry; engine thread.
     */
    private void dueHost(String checkId, Instant scheduledFor) {
        CheckTarget t = targets.get(checkId);
        if (closing || t == null) {
            return;
        }
        HostStatus h = hosts.get(t.hostName());
        Instant now = clock.instant();
        if (!HostChecks.withinHorizon(h, now, settings)) {
            if (gate.gated(checkId)) {
                dueGated(checkId, scheduledFor, false);
            } else {
                startCheck(checkId, scheduledFor);
            }
            return;
        }
        long seconds = h.checkInterval() <= 0 ? 300 : (long) (h.checkInterval() * settings.intervalLength());
        schedule(t, now.plusSeconds(seconds));
        retainStatus(t, h);
    }

    /** A due check of a gated object: run it, or, while its dependencies fail, try again later; engine thread. */
    private void dueGated(String checkId, Instant scheduledFor, boolean forced) {
        CheckTarget t = targets.get(checkId);
        if (closing || t == null) {
            return;
        }
        Optional<Instant> later = gate.deferral(t, forced, clock.instant());
        if (later.isEmpty()) {
            startCheck(checkId, scheduledFor);
            return;
        }
        schedule(t, later.get());
        if (forced) {
            forcedChecks.add(checkId); // Nagios keeps the original check options when it reschedules
        }
        retainStatus(t, status(t));
    }

    /** Takes a due check, unless it is already running, and hands it to the pool; any thread. */
    private void startCheck(String checkId, Instant scheduledFor) {
        CheckTarget t = targets.get(checkId);
        if (closing || paused || t == null || !inFlight.add(checkId)) {
            return;
        }
        if (paused) { // paused while this was being added: the reload's hand-over may not see it, so don't run
            inFlight.remove(checkId);
            return;
        }
        CheckRequest request = new CheckRequest(t, scheduledFor);
        CompletableFuture.supplyAsync(() -> executor.execute(request), pool)
                .whenComplete((outcome, failure) -> submit("check result", () -> finish(t, outcome, failure)));
    }

    private void finish(CheckTarget t, CheckOutcome outcome, Throwable failure) {
        finishCheck(t, outcome, failure);
        if (sweeps.active()) { // one field read for checks outside sweeps
            sweeps.checkDone(t, outcome, failure);
        }
    }

    private void finishCheck(CheckTarget t, CheckOutcome outcome, Throwable failure) {
        java.util.function.Consumer<CarriedResult> next = successor;
        if (next != null) { // handed over by a reload: the new engine applies it
            inFlight.remove(t.id());
            next.accept(new CarriedResult(retentionKey(t), outcome, failure));
            return;
        }
        inFlight.remove(t.id());
        if (failure != null) {
            log.log("Warning: check of " + t + " could not be run: " + failure);
            return;
        }
        metrics.record(outcome);
        if (freshness.discardResult(candidate(t, clock.instant()), clock.instant())) {
            return; // a passive result made the object fresh while its freshness check ran, as Nagios discards it
        }
        apply(t, outcome);
    }

    /** Applies a result (active or passive) to its object; engine thread only. */
    void apply(CheckTarget t, CheckOutcome outcome) {
        Instant now = clock.instant();
        Effects effects;
        CheckableStatus<?> st = status(t);
        org.vigil.engine.state.AcknowledgementType ackBefore = st.acknowledgementType();
        if (t.isHost()) {
            effects = hostHandler.apply(hosts.get(t.hostName()), outcome, now);
        } else {
            effects = serviceHandler.apply(services.get(t.service()), hosts.get(t.hostName()), outcome, now);
        }
        if (!effects.accepted()) {
            return;
        }
        List<org.vigil.engine.flap.FlapEvent> flaps = t.isHost()
                ? flapping.afterHostResult(t, st, now)
                : flapping.afterServiceResult(t, st, hostTargets.get(t.hostName()), hosts.get(t.hostName()), now);
        // as checks.c 4.4.6 orders them: PASSIVE ... CHECK, flapping, the notification, the ALERT, the event handler
        List<String> lines = effects.logLines();
        int passive = (int) lines.stream().takeWhile(l -> l.startsWith("PASSIVE ")).count();
        lines.subList(0, passive).forEach(log::log);
        boolean problemChange = (effects.stateChange() || effects.hardStateChange()) && !st.currentState().isOk();
        if (problemChange && !t.isHost()) {
            // 4.4.6's check_pending_flex_service_downtime starts the downtime at once, inside the state change:
            // STARTED and DOWNTIMESTART come before the alert, and the problem is judged in downtime
            downtimes.problemSeen(t, now);
        }
        flapped(flaps);
        if (!t.isHost()) {
            // a service result records its host's state in the host's flap history too
            retainStatus(hostTargets.get(t.hostName()), hosts.get(t.hostName()));
        }
        acknowledgements.afterResult(t, ackBefore, st);
        effects.nextCheck().ifPresent(at -> schedule(t, at));
        for (String host : effects.hostChecks()) {
            CheckTarget ht = hostTargets.get(host);
            if (ht != null && executeHostChecks
                    && !(gate.gated(ht.id()) && gate.deferral(ht, false, now).isPresent())) {
                startCheck(ht.id(), now);
            }
        }
        listener.resultApplied(t, st, effects);
        lines.subList(passive, lines.size()).forEach(log::log);
        if (effects.eventHandlerDue()) {
            handleEvent(t, st, effects.alert());
        }
        effects.settle().run();
        retainStatus(t, st); // after the listener: the notifier's counts and times are part of the status
        if (problemChange && t.isHost()) {
            // after the alert and its notification: 4.4.6's check_pending_flex_host_downtime (unlike the service
            // one) starts the downtime through an event queued for now
            downtimes.problemSeen(t, now);
        }
    }

    private void schedule(CheckTarget t, Instant at) {
        if (closing) {
            return;
        }
        CheckableStatus<?> st = status(t);
        String period = t.isHost() ? model.hosts().get(t.hostName()).check().checkPeriod()
                : model.services().get(t.service()).check().checkPeriod();
        Optional<Instant> valid = periods.nextValid(at, period);
        if (valid.isEmpty()) {
            log.log("Warning: check of " + t + " could not be rescheduled: its check_period '" + period
                    + "' has no valid time within a year");
            checkClock.cancel(t.id());
            return;
        }
        st.setNextCheck(valid.get());
        forcedChecks.remove(t.id());
        checkClock.schedule(t.id(), valid.get());
    }

    private CheckableStatus<?> status(CheckTarget t) {
        return t.isHost() ? hosts.get(t.hostName()) : services.get(t.service());
    }

    // ---------------------------------------------------------------------------------------------------
    // External commands (org.vigil.engine.command): the small operations the command file, the API and the
    // web pages need. Engine thread only, like every change: callers go through submit/call.
    // ---------------------------------------------------------------------------------------------------

    /** The check target of host {@code hostName}, if the config defines it. */
    public Optional<CheckTarget> hostTarget(String hostName) {
        return Optional.ofNullable(hostTargets.get(hostName));
    }

    /** The check target of the service {@code key}, if the config defines it. */
    public Optional<CheckTarget> serviceTarget(ServiceKey key) {
        if (serviceTargets == null) {
            serviceTargets = new HashMap<>();
            targets.values().stream().filter(t -> !t.isHost()).forEach(t -> serviceTargets.put(t.service(), t));
        }
        return Optional.ofNullable(serviceTargets.get(key));
    }

    /** The runtime status of {@code target}. */
    public CheckableStatus<?> statusOf(CheckTarget target) {
        return status(target);
    }

    /**
     * Applies a submitted (passive) result through the state machine, as a plugin's result is applied.
     * False, and nothing changes, when passive results are not accepted for the object (its
     * {@code passive_checks_enabled} or the global {@code accept_passive_*_checks}).
     */
    public boolean submitResult(CheckTarget target, CheckOutcome outcome) {
        boolean global = target.isHost() ? settings.acceptPassiveHostChecks() : settings.acceptPassiveServiceChecks();
        if (outcome.checkType() == CheckType.PASSIVE
                && !(global && status(target).passiveChecksEnabled())) {
            return false;
        }
        apply(target, outcome);
        return true;
    }

    /**
     * Nagios's {@code schedule_service_check}/{@code schedule_host_check} for a command: a forced check runs at
     * {@code at} whatever its checks, period or current schedule; a normal one only moves an enabled
     * object's next check earlier, never later, and within its check period. True if the schedule moved.
     */
    public boolean scheduleCheck(CheckTarget target, Instant at, boolean forced) {
        CheckableStatus<?> st = status(target);
        if (forced) {
            st.setNextCheck(at);
            forcedChecks.add(target.id());
            checkClock.schedule(target.id(), at);
        } else {
            Instant next = st.nextCheck();
            boolean pending = !next.isBefore(clock.instant());
            if (!st.activeChecksEnabled() || (pending && !next.isAfter(at))) {
                return false;
            }
            schedule(target, at);
        }
        retainStatus(target, st);
        return true;
    }

    /**
     * Turns active checks of {@code target} on (checked now, or at the next time its check period allows, as
     * Nagios does) or off (no further check is run). Unchanged objects stay as they are.
     */
    public void setActiveChecksEnabled(CheckTarget target, boolean enabled) {
        CheckableStatus<?> st = status(target);
        if (st.activeChecksEnabled() == enabled) {
            return;
        }
        st.setActiveChecksEnabled(enabled);
        if (!enabled) {
            checkClock.cancel(target.id());
        } else if (st.checkInterval() > 0) {
            st.setShouldBeScheduled(true);
            schedule(target, clock.instant());
        }
        retainStatus(target, st);
    }

    /** Whether passive results are accepted for {@code target}. */
    public void setPassiveChecksEnabled(CheckTarget target, boolean enabled) {
        CheckableStatus<?> st = status(target);
        st.setPassiveChecksEnabled(enabled);
        retainStatus(target, st);
    }

    /** Whether notifications are sent for {@code target}. */
    public void setNotificationsEnabled(CheckTarget target, boolean enabled) {
        CheckableStatus<?> st = status(target);
        st.setNotificationsEnabled(enabled);
        retainStatus(target, st);
    }

    /** Whether notifications are sent at all ({@code enable_notifications}, retained across restarts). */
    public void setNotificationsEnabled(boolean enabled) {
        notificationsEnabled = enabled;
        retainProgram();
    }

    /** The program-wide notification switch. */
    public boolean notificationsEnabled() {
        return notificationsEnabled;
    }

    /** The host and service comments, for commands and for the features that make comments; engine thread only. */
    public org.vigil.engine.comment.Comments comments() {
        return comments;
    }

    /**
     * Nagios's {@code acknowledge_*_problem}: acknowledges the problem of {@code target} now. False, and
     * nothing changes, when the object is UP or OK (there is no problem to acknowledge).
     */
    public boolean acknowledge(CheckTarget target, org.vigil.engine.ack.Acknowledgement ack) {
        CheckableStatus<?> st = status(target);
        if (!acknowledgements.acknowledge(target, st, ack, clock.instant())) {
            return false;
        }
        retainStatus(target, st);
        return true;
    }

    /** Hands a custom notification request to the listener (the notifier applies Nagios's rules to it). */
    public void sendCustomNotification(CheckTarget target, int options, String author, String comment) {
        listener.customNotification(target, status(target), options, author, comment);
    }

    /** Nagios's {@code remove_*_acknowledgement}: clears the flag and deletes non-persistent ack comments. */
    public void removeAcknowledgement(CheckTarget target) {
        CheckableStatus<?> st = status(target);
        acknowledgements.remove(target, st);
        retainStatus(target, st);
    }

    /** A new entry id: retention's when retention is on, else from memory above every id seen. */
    public long nextEntryId() {
        if (retention != null) {
            return retention.nextEntryId();
        }
        return ++lastEntryId;
    }

    /** Keeps {@code entry} (new or changed) in memory and in retention; engine thread only. */
    public void saveEntry(org.vigil.engine.retention.Entry entry) {
        entries.put(entry.id(), entry);
        lastEntryId = Math.max(lastEntryId, entry.id());
        if (retention != null) {
            retention.saveEntry(entry);
        }
    }

    /** Forgets entry {@code id}; engine thread only. */
    public void removeEntry(long id) {
        entries.remove(id);
        if (retention != null) {
            retention.removeEntry(id);
        }
    }

    /** The scheduled downtimes (org.vigil.engine.downtime); engine thread only. */
    public org.vigil.engine.downtime.DowntimeBook downtimes() {
        return downtimes;
    }

    /** Whether flap detection is on at all ({@code enable_flap_detection}, retained across restarts). */
    public boolean flapDetectionEnabled() {
        return flapping.enabled();
    }

    /** {@code ENABLE_FLAP_DETECTION}/{@code DISABLE_FLAP_DETECTION}; engine thread only. */
    public void setFlapDetectionEnabled(boolean enabled) {
        List<org.vigil.engine.flap.FlapEvent> events = flapping.setEnabled(enabled, targets.values(), this::status,
                clock.instant());
        flapped(events);
        events.forEach(e -> retainStatus(e.target(), status(e.target())));
        retainProgram();
    }

    /** {@code ENABLE_HOST_FLAP_DETECTION}, {@code DISABLE_SVC_FLAP_DETECTION}...; engine thread only. */
    public void setFlapDetectionEnabled(CheckTarget target, boolean enabled) {
        CheckableStatus<?> st = status(target);
        flapped(flapping.setEnabled(target, st, enabled, clock.instant()));
        retainStatus(target, st);
    }

    /** Flap detection itself, for tests and tools; engine thread only. */
    public org.vigil.engine.flap.FlapDetection flapDetection() {
        return flapping;
    }

    // ---------------------------------------------------------------------------------------------------
    // Passive checks, freshness and event handlers: program-wide switches (retained once changed by command,
    // as Nagios retains modified attributes), per-object switches, the freshness passes and the handlers.
    // ---------------------------------------------------------------------------------------------------

    /** Whether scheduled checks of the target's kind run ({@code execute_service_checks}/{@code _host_}). */
    private boolean executionAllowed(String checkId) {
        CheckTarget t = targets.get(checkId);
        return t == null || (t.isHost() ? executeHostChecks : executeServiceChecks);
    }

    /**
     * Nagios's {@code run_scheduled_*_check} for a check that is not viable because checks of its kind are not
     * executed: not run, and tried again one interval later (the retry interval in a soft problem).
     */
    private void skipCheck(String checkId) {
        CheckTarget t = targets.get(checkId);
        CheckableStatus<?> st = status(t);
        if (!st.activeChecksEnabled()) {
            return;
        }
        boolean retrying = st.stateType() == org.vigil.engine.state.StateType.SOFT && !st.currentState().isOk();
        long seconds = (long) ((retrying ? st.retryInterval() : st.checkInterval()) * settings.intervalLength());
        if (seconds <= 0) {
            seconds = st.checkInterval() <= 0 ? 300 : (long) (st.checkInterval() * settings.intervalLength());
        }
        schedule(t, clock.instant().plusSeconds(seconds));
        retainStatus(t, st);
    }

    /** One pass of Nagios's {@code check_service_result_freshness}; engine thread (callers use submit). */
    public void checkServiceFreshness() {
        freshnessPass(false);
    }

    /** One pass of Nagios's {@code check_host_result_freshness}; engine thread. */
    public void checkHostFreshness() {
        freshnessPass(true);
    }

    private void freshnessPass(boolean hostPass) {
        Instant now = clock.instant();
        List<Candidate> candidates = new ArrayList<>();
        if (hostPass) {
            hosts.keySet().forEach(h -> candidates.add(candidate(hostTargets.get(h), now)));
        } else {
            services.keySet().forEach(k -> serviceTarget(k).ifPresent(t -> candidates.add(candidate(t, now))));
        }
        for (CheckTarget t : freshness.stale(candidates, hostPass, now)) {
            scheduleCheck(t, now, true);
        }
    }

    private Candidate candidate(CheckTarget t, Instant now) {
        CheckSettings config = t.isHost() ? model.hosts().get(t.hostName()).check()
                : model.services().get(t.service()).check();
        boolean inPeriod = periods.nextValid(now, config.checkPeriod()).map(v -> !v.isAfter(now)).orElse(false);
        return new Candidate(t, status(t), config, inFlight.contains(t.id()), inPeriod);
    }

    /** Nagios's {@code is_being_freshened}: a freshness check of {@code target} is pending or running. */
    public boolean isBeingFreshened(CheckTarget target) {
        return freshness.isBeingFreshened(target);
    }

    /** The freshness settings now in force. */
    public FreshnessSettings freshnessSettings() {
        return freshness.settings();
    }

    /** Nagios's {@code handle_service_event}/{@code handle_host_event}: the handlers, if switched on. */
    private void handleEvent(CheckTarget t, CheckableStatus<?> st, Effects.Alert alert) {
        if (!eventHandlersEnabled || !st.eventHandlerEnabled()) {
            return;
        }
        if (t.isHost()) {
            eventHandlers.hostEvent(t.hostName(), model.hosts().get(t.hostName()).check().eventHandler(), alert);
        } else {
            eventHandlers.serviceEvent(t.service(), model.services().get(t.service()).check().eventHandler(), alert);
        }
    }

    /** The event handler settings (global handlers, timeout), for status.dat. */
    public HandlerSettings eventHandlerSettings() {
        return eventHandlers.settings();
    }

    /** Waits until no event handler is running; for tests and shutdown. */
    public boolean awaitEventHandlers(Duration timeout) throws InterruptedException {
        return eventHandlers.awaitIdle(timeout);
    }

    /** Whether {@code target}'s event handlers run ({@code event_handler_enabled}). */
    public void setEventHandlerEnabled(CheckTarget target, boolean enabled) {
        CheckableStatus<?> st = status(target);
        st.setEventHandlerEnabled(enabled);
        retainStatus(target, st);
    }

    /** {@code enable_event_handlers}. */
    public void setEventHandlersEnabled(boolean enabled) {
        eventHandlersEnabled = enabled;
        programChanged("enable_event_handlers", enabled);
    }

    public boolean eventHandlersEnabled() {
        return eventHandlersEnabled;
    }

    /** {@code execute_service_checks}: while off, scheduled service checks are skipped; forced ones still run. */
    public void setExecuteServiceChecks(boolean enabled) {
        executeServiceChecks = enabled;
        programChanged("active_service_checks_enabled", enabled);
    }

    public boolean executeServiceChecks() {
        return executeServiceChecks;
    }

    /** {@code execute_host_checks}: while off, scheduled and on-demand host checks are skipped. */
    public void setExecuteHostChecks(boolean enabled) {
        executeHostChecks = enabled;
        updateSettings();
        programChanged("active_host_checks_enabled", enabled);
    }

    public boolean executeHostChecks() {
        return executeHostChecks;
    }

    /** {@code accept_passive_service_checks}. */
    public void setAcceptPassiveServiceChecks(boolean enabled) {
        settings = settings.withProgramSwitches(enabled, settings.acceptPassiveHostChecks(), executeHostChecks);
        updateSettings();
        programChanged("passive_service_checks_enabled", enabled);
    }

    public boolean acceptPassiveServiceChecks() {
        return settings.acceptPassiveServiceChecks();
    }

    /** {@code accept_passive_host_checks}. */
    public void setAcceptPassiveHostChecks(boolean enabled) {
        settings = settings.withProgramSwitches(settings.acceptPassiveServiceChecks(), enabled, executeHostChecks);
        updateSettings();
        programChanged("passive_host_checks_enabled", enabled);
    }

    public boolean acceptPassiveHostChecks() {
        return settings.acceptPassiveHostChecks();
    }

    /** Hands the current switches to the result handlers, which judge passive results and host routes by them. */
    private void updateSettings() {
        settings = settings.withProgramSwitches(settings.acceptPassiveServiceChecks(),
                settings.acceptPassiveHostChecks(), executeHostChecks);
        serviceHandler.setSettings(settings);
        hostHandler.setSettings(settings);
    }

    private void programChanged(String attribute, boolean enabled) {
        programChanges.put(attribute, enabled ? "1" : "0");
        retainProgram();
    }

    /** Restores the switches a command had changed before the restart; engine thread, before start. */
    private void restoreProgramSwitches(Map<String, String> attributes) {
        java.util.function.Function<String, Optional<Boolean>> flag = k -> Optional.ofNullable(attributes.get(k))
                .filter(v -> v.equals("0") || v.equals("1")).map("1"::equals);
        flag.apply("enable_event_handlers").ifPresent(this::setEventHandlersEnabled);
        flag.apply("active_service_checks_enabled").ifPresent(this::setExecuteServiceChecks);
        flag.apply("active_host_checks_enabled").ifPresent(this::setExecuteHostChecks);
        flag.apply("passive_service_checks_enabled").ifPresent(this::setAcceptPassiveServiceChecks);
        flag.apply("passive_host_checks_enabled").ifPresent(this::setAcceptPassiveHostChecks);
    }

    /**
     * The dependency queries ({@link Dependencies#notificationsBlocked}) for the notifier; engine thread only,
     * like the statuses they read.
     */
    public Dependencies dependencies() {
        return gate.dependencies();
    }

    // ---------------------------------------------------------------------------------------------------
    // end of the external command section
    // ---------------------------------------------------------------------------------------------------

    // flap detection (org.vigil.engine.flap) --------------------------------------------------------------

    /** Registers every object with flap detection, with its config's settings. */
    private void registerFlapDetection() {
        Map<String, Integer> servicesPerHost = new HashMap<>();
        for (CheckTarget t : targets.values()) {
            if (t.isHost()) {
                continue;
            }
            servicesPerHost.merge(t.hostName(), 1, Integer::sum);
            flapping.registerService(t, services.get(t.service()), model.services().get(t.service()).flap());
        }
        for (CheckTarget t : hostTargets.values()) {
            Host h = model.hosts().get(t.hostName());
            // Nagios 4.4.6 never adds the services' check intervals up (total_service_check_interval stays 0)
            flapping.registerHost(t, hosts.get(t.hostName()), h.flap(), servicesPerHost.getOrDefault(h.name(), 0),
                    0, h.notification().interval());
        }
    }

    /** Logs flap events and tells the listener, as Nagios logs and notifies in set/clear_*_flap. */
    private void flapped(List<org.vigil.engine.flap.FlapEvent> events) {
        for (org.vigil.engine.flap.FlapEvent e : events) {
            log.log(e.logLine());
            CheckableStatus<?> st = status(e.target());
            switch (e.kind()) {
                case STARTED -> {
                    if (e.notifies()) {
                        listener.flappingStarted(e.target(), st, e.percent(), e.threshold());
                    }
                }
                case STOPPED -> listener.flappingStopped(e.target(), st, e.percent(), e.threshold());
                case DISABLED -> listener.flappingDisabled(e.target(), st, e.percent(), e.threshold());
                default -> {
                }
            }
        }
    }

    /**
     * Nagios 4.4.6 does not bring flapping comments (entry type 3) back at start (observed): a still flapping
     * object gets a new one when it is checked against its retained history.
     */
    private void dropRetainedFlappingComments(RetainedState state) {
        for (org.vigil.engine.retention.Entry e : state.entries()) {
            if (e.kind() == org.vigil.engine.retention.Entry.Kind.COMMENT
                    && org.vigil.engine.flap.EntryFlapComments.FLAPPING_COMMENT.equals(e.fields().get("entry_type"))) {
                removeEntry(e.id());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Reload (org.vigil.engine.reload): the old engine hands its state, as retention keeps it, and its running
    // checks over to the engine of the new config. Nothing is lost: state, entries and schedule carry over,
    // and a check running during the swap is neither dropped nor run twice.
    // ---------------------------------------------------------------------------------------------------

    /** Keeps the entries of objects that exist (all kinds; each feature restores its own meaning of them). */
    private void restoreEntries(RetainedState state) {
        for (org.vigil.engine.retention.Entry e : state.entries()) {
            lastEntryId = Math.max(lastEntryId, e.id());
            if (e.kind() == org.vigil.engine.retention.Entry.Kind.NOTIFICATION) {
                if (!restoringHandover) {
                    journal.retained(e); // the notifier sends it once it is attached
                }
                continue;
            }
            if (e.object().kind() == ObjectKey.Kind.PROGRAM || target(e.object()).isPresent()) {
                entries.put(e.id(), e);
            }
        }
    }

    /** Decided notifications not yet sent, kept with the changes that caused them (see {@link NotificationJournal}). */
    public NotificationJournal journal() {
        return journal;
    }

    /** The comments, downtimes and acknowledgements held now, in id order; engine thread only. */
    public List<org.vigil.engine.retention.Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Stops starting checks (due ones stay due, nothing is rescheduled away); running ones finish and apply. */
    public void pauseChecks() {
        paused = true;
        checkClock.close();
    }

    /**
     * Everything retention keeps, as it keeps it: the record of every host and service, the program's record,
     * and the entries. The same attributes as {@link #retain} restores, so a reload is a retention round trip.
     */
    public RetainedState snapshot() {
        return call(this::snapshotNow);
    }

    private RetainedState snapshotNow() {
        Map<ObjectKey, ObjectRecord> records = new HashMap<>();
        for (CheckTarget t : targets.values()) {
            ObjectKey k = retentionKey(t);
            Map<String, String> attributes = new HashMap<>(RetainedStatus.attributes(status(t)));
            Precise.add(attributes, status(t));
            records.put(k, new ObjectRecord(k, ++retainedVersion, attributes));
        }
        ObjectRecord program = programRecord();
        records.put(program.key(), program);
        return new RetainedState(records, new ArrayList<>(entries.values()));
    }

    /**
     * For a reload, after {@link #pauseChecks}: from now on results of checks still running go to {@code next}
     * instead of being applied here. Returns this engine's state and the objects whose checks are running,
     * taken in the same engine-thread step, so no result falls between the two.
     */
    public Handover handOver(java.util.function.Consumer<CarriedResult> next) {
        return call(() -> {
            successor = next;
            return new Handover(snapshotNow(), runningNow(), lastEntryId);
        });
    }

    /** The objects whose checks are running now. */
    public Set<ObjectKey> runningChecks() {
        return call(this::runningNow);
    }

    private Set<ObjectKey> runningNow() {
        Set<ObjectKey> running = new HashSet<>();
        for (String id : inFlight) {
            CheckTarget t = targets.get(id);
            if (t != null) {
                running.add(retentionKey(t));
            }
        }
        return running;
    }

    /**
     * Before {@link #start} and after {@link #retain}ing the handover's state, on the engine that replaces
     * another: this engine continues that one's schedule exactly (checks that came due during the
     * swap run at once), and the checks of {@code handover.running()} are still running there, so they are not started again until their results arrive through {@link #applyCarried}.
     */
    public void continueFrom(Handover handover) {
        call(() -> {
            continuing = true;
            lastEntryId = Math.max(lastEntryId, handover.lastEntryId());
            for (ObjectRecord r : handover.state().records().values()) {
                target(r.key()).ifPresent(t -> Precise.restore(r.attributes(), status(t)));
            }
            handover.running().forEach(k -> target(k).ifPresent(t -> inFlight.add(t.id())));
            return null;
        });
    }

    /**
     * What a reload carries beyond retention's whole seconds: exact check times, so the schedule is kept to the
     * nanosecond.
     */
    private static final class Precise {
        static void add(Map<String, String> m, CheckableStatus<?> s) {
            m.put("reload_last_check", s.lastCheck().toString());
            m.put("reload_next_check", s.nextCheck().toString());
        }

        static void restore(Map<String, String> m, CheckableStatus<?> s) {
            try {
                if (m.containsKey("reload_next_check")) {
                    s.setLastCheck(Instant.parse(m.get("reload_last_check")));
                    s.setNextCheck(Instant.parse(m.get("reload_next_check")));
                }
            } catch (RuntimeException e) {
                // a snapshot is made in memory by the same code; keep retention's values if it ever is not
            }
        }
    }

    /** As Nagios after reading retention.dat: every restored object is checked against its retained history. */
    private void recheckFlappingAfterRestore(RetainedState state) {
        Instant now = clock.instant();
        List<ObjectRecord> hostsFirst = new ArrayList<>(state.records().values());
        hostsFirst.sort(java.util.Comparator.comparing(r -> r.key().kind() != ObjectKey.Kind.HOST));
        for (ObjectRecord r : hostsFirst) {
            target(r.key()).ifPresent(target -> {
                List<org.vigil.engine.flap.FlapEvent> events = flapping.afterRestore(target, status(target), now);
                flapped(events);
                if (!events.isEmpty()) {
                    retainStatus(target, status(target));
                }
            });
        }
    }

    /** A result of a check the replaced engine started: applied here like any result (dropped if the object went). */
    public void applyCarried(CarriedResult r) {
        submit("carried check result", () -> target(r.object()).ifPresent(t -> finish(t, r.outcome(), r.failure())));
    }

    /** Checks of {@code lost} never came back from the replaced engine: they may run again, due now. */
    public void releaseRunning(Set<ObjectKey> lost) {
        submit("lost checks", () -> lost.forEach(k -> target(k).ifPresent(t -> {
            if (inFlight.remove(t.id()) && status(t).activeChecksEnabled() && status(t).checkInterval() > 0) {
                schedule(t, clock.instant());
            }
            sweeps.lost(t);
        })));
    }

    /** The check target a retention key names, if the config has it. */
    private Optional<CheckTarget> target(ObjectKey k) {
        return switch (k.kind()) {
            case HOST -> hostTarget(k.name());
            case SERVICE -> serviceTarget(new ServiceKey(k.name(), k.service()));
            default -> Optional.empty();
        };
    }

    private static ObjectKey retentionKey(CheckTarget t) {
        return t.isHost() ? ObjectKey.host(t.hostName()) : ObjectKey.service(t.hostName(), t.service().description());
    }

    // ---------------------------------------------------------------------------------------------------
    // end of the reload section
    // ---------------------------------------------------------------------------------------------------

    // Sweeps (org.vigil.engine.sweep): run every selected check now through startCheck/finish -------------

    /** The sweeps of this engine; engine thread only (callers go through {@link #call}). */
    public org.vigil.engine.sweep.Sweeps sweeps() {
        return sweeps;
    }

    /** What a sweep needs of the engine: targets, statuses, and starting a check now through the normal path. */
    private final class SweepChecks implements org.vigil.engine.sweep.Sweeps.Checks {
        @Override
        public ObjectModel model() {
            return model;
        }

        @Override
        public Optional<CheckTarget> hostTarget(String host) {
            return Engine.this.hostTarget(host);
        }

        @Override
        public Optional<CheckTarget> serviceTarget(ServiceKey key) {
            return Engine.this.serviceTarget(key);
        }

        @Override
        public CheckableStatus<?> status(CheckTarget t) {
            return Engine.this.status(t);
        }

        @Override
        public boolean hasCheckCommand(CheckTarget host) {
            return hosts.get(host.hostName()).hasCheckCommand();
        }

        @Override
        public boolean runNow(CheckTarget t) {
            // as a forced check: whatever the dependencies and execute_*_checks; its result reschedules it as usual
            startCheck(t.id(), clock.instant());
            return inFlight.contains(t.id());
        }

        @Override
        public int concurrency() {
            return pool.getMaximumPoolSize();
        }

        @Override
        public boolean handedOver() {
            return successor != null;
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // end of the sweep section
    // ---------------------------------------------------------------------------------------------------

    /** Waits until no check is running or queued and the engine thread is idle; for tests and shutdown. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (call(() -> inFlight.isEmpty()) && pool.getActiveCount() == 0 && pool.getQueue().isEmpty()
                    && call(() -> inFlight.isEmpty())) {
                return true;
            }
            Thread.sleep(2);
        }
        return false;
    }

    /** The host statuses; engine thread only. */
    public Collection<HostStatus> hosts() {
        return Collections.unmodifiableCollection(hosts.values());
    }

    /** The service statuses; engine thread only. */
    public Collection<ServiceStatus> services() {
        return Collections.unmodifiableCollection(services.values());
    }

    /** Checks done and their latencies, readable from any thread. */
    public EngineMetrics metrics() {
        return metrics;
    }

    public EventIds eventIds() {
        return ids;
    }

    public ObjectModel model() {
        return model;
    }

    /** The check targets of all objects, for tests and tools. */
    public List<CheckTarget> targets() {
        return new ArrayList<>(targets.values());
    }

    /** Stops the clock, lets running checks finish for a moment, and stops the threads. */
    @Override
    public void close() {
        closing = true;
        checkClock.close();
        eventHandlers.close();
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // after the results of the checks that finished: sweeps waiting end, cancelled
        submit("sweep cancel", sweeps::cancelAll);
        engineThread.shutdown();
        try {
            engineThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
