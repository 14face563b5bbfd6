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
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;
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
    private final StateSettings settings;
    private final CheckPeriods periods;
    private final ExecutorService engineThread;
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
    /** Entry ids while retention is off: above the largest id seen. */
    private long nextMemoryEntryId = 1;
    private final org.vigil.engine.comment.Comments comments;
    private final org.vigil.engine.ack.Acknowledgements acknowledgements;

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
        this.executor = executors.create(new StatusMacros(hosts, services, clock));
        this.serviceHandler = new ServiceResultHandler(settings, ids);
        this.hostHandler = new HostResultHandler(settings, ids, HostNetwork.of(hosts.values()));
        this.engineThread = Executors.newSingleThreadExecutor(r -> daemon(r, "vigil-engine"));
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
                        }
                    }
                    case SERVICE -> {
                        ServiceStatus s = services.get(new ServiceKey(k.name(), k.service()));
                        if (s != null) {
                            RetainedStatus.restoreService(s, r.attributes());
                        }
                    }
                    case PROGRAM -> {
                        ids.restore(number(r.attributes().get("next_event_id")),
                                number(r.attributes().get("next_problem_id")));
                        String flag = r.attributes().get("enable_notifications");
                        if (flag != null) {
                            notificationsEnabled = "1".equals(flag);
                        }
                    }
                    default -> {
                    }
                }
                retainedVersion = Math.max(retainedVersion, r.version());
            }
            retention = writer;
            restoreComments(state);
            return null;
        });
    }

    /** Comments come back by Nagios's rule for retained comments; engine thread, after the states. */
    private void restoreComments(RetainedState state) {
        state.entries().forEach(e -> nextMemoryEntryId = Math.max(nextMemoryEntryId, e.id() + 1));
        comments.restore(state.entries(), this::targetOf, t -> status(t).problemHasBeenAcknowledged())
                .forEach(problem -> log.log("Warning: retention: " + problem));
        comments.all().forEach(c -> entries.put(c.id(), c.toEntry()));
    }

    private Optional<CheckTarget> targetOf(ObjectKey k) {
        return switch (k.kind()) {
            case HOST -> hostTarget(k.name());
            case SERVICE -> serviceTarget(new ServiceKey(k.name(), k.service()));
            default -> Optional.empty();
        };
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
     * Logs the initial states and starts the clock. A retained next check still ahead is kept; the others
     * are spread over their intervals.
     */
    public void start() {
        call(() -> {
            Instant now = clock.instant();
            StateLog.initialStates(settings, hosts.values(), services.values()).forEach(log::log);
            for (CheckTarget t : targets.values()) {
                CheckableStatus<?> st = status(t);
                if (!st.activeChecksEnabled() || st.checkInterval() <= 0 || (t.isHost() && !hosts.get(t.hostName())
                        .hasCheckCommand())) {
                    continue;
                }
                Duration interval = Duration.ofMillis((long) (st.checkInterval() * settings.intervalLength() * 1000));
                Instant retained = st.nextCheck();
                boolean keep = retained.isAfter(now) && retained.isBefore(now.plus(interval));
                schedule(t, keep ? retained : InitialSpread.first(t.id().substring(0, 1) + t, interval, now));
            }
            return null;
        });
        checkClock.start(this::due);
    }

    /** Hands the object's state to retention; engine thread only. */
    private void retainStatus(CheckTarget t, CheckableStatus<?> st) {
        if (retention == null) {
            return;
        }
        ObjectKey key = t.isHost() ? ObjectKey.host(t.hostName())
                : ObjectKey.service(t.hostName(), t.service().description());
        retention.save(new ObjectRecord(key, ++retainedVersion, RetainedStatus.attributes(st)));
        retainProgram();
    }

    /** Hands the program-wide state to retention; engine thread only. */
    private void retainProgram() {
        if (retention == null) {
            return;
        }
        retention.save(new ObjectRecord(ObjectKey.program(), ++retainedVersion, Map.of(
                "next_event_id", Long.toString(ids.nextEventId()),
                "next_problem_id", Long.toString(ids.nextProblemId()),
                "enable_notifications", notificationsEnabled ? "1" : "0")));
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

    /** Queues {@code task} on the engine thread; after close, tasks are dropped. */
    public void submit(Runnable task) {
        try {
            engineThread.execute(task);
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
        startCheck(checkId, scheduledFor);
    }

    /** Takes a due check, unless it is already running, and hands it to the pool; any thread. */
    private void startCheck(String checkId, Instant scheduledFor) {
        CheckTarget t = targets.get(checkId);
        if (closing || t == null || !inFlight.add(checkId)) {
            return;
        }
        CheckRequest request = new CheckRequest(t, scheduledFor);
        CompletableFuture.supplyAsync(() -> executor.execute(request), pool)
                .whenComplete((outcome, failure) -> submit(() -> finish(t, outcome, failure)));
    }

    private void finish(CheckTarget t, CheckOutcome outcome, Throwable failure) {
        inFlight.remove(t.id());
        if (failure != null) {
            log.log("Warning: check of " + t + " could not be run: " + failure);
            return;
        }
        metrics.record(outcome);
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
        effects.logLines().forEach(log::log);
        acknowledgements.afterResult(t, ackBefore, st);
        effects.nextCheck().ifPresent(at -> schedule(t, at));
        for (String host : effects.hostChecks()) {
            CheckTarget ht = hostTargets.get(host);
            if (ht != null) {
                startCheck(ht.id(), now);
            }
        }
        retainStatus(t, st);
        listener.resultApplied(t, st, effects);
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
        return nextMemoryEntryId++;
    }

    /** Keeps {@code entry} (new or changed) in memory and in retention; engine thread only. */
    public void saveEntry(org.vigil.engine.retention.Entry entry) {
        entries.put(entry.id(), entry);
        nextMemoryEntryId = Math.max(nextMemoryEntryId, entry.id() + 1);
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

    // ---------------------------------------------------------------------------------------------------
    // end of the external command section
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
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engineThread.shutdown();
        try {
            engineThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
