package org.vigil.engine;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.engine.ack.Acknowledgements;
import org.vigil.engine.comment.Comments;
import org.vigil.engine.dependency.CheckGate;
import org.vigil.engine.dependency.Dependencies;
import org.vigil.engine.downtime.DowntimeBook;
import org.vigil.engine.downtime.DowntimeText;
import org.vigil.engine.downtime.EntryDowntimeComments;
import org.vigil.engine.exec.CheckExecutor;
import org.vigil.engine.flap.EntryFlapComments;
import org.vigil.engine.flap.FlapConfig;
import org.vigil.engine.flap.FlapDetection;
import org.vigil.engine.flap.FlapEvent;
import org.vigil.engine.freshness.FreshnessChecker;
import org.vigil.engine.freshness.FreshnessSettings;
import org.vigil.engine.feed.Feeds;
import org.vigil.engine.handler.EventHandlers;
import org.vigil.engine.handler.HandlerDispatch;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.schedule.CheckClock;
import org.vigil.engine.schedule.CheckPeriods;
import org.vigil.engine.state.CheckOutcome;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.Checkables;
import org.vigil.engine.stats.CheckStatistics;
import org.vigil.engine.state.EventIds;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;
import org.vigil.engine.state.StateSettings;
import org.vigil.engine.sweep.Sweeps;

/**
 * Builds the parts of one engine and wires them, in one place, so no part needs to know how the others are made.
 * The fields are the parts {@link Engine} delegates to.
 */
final class EngineAssembly {

    final ObjectModel model;
    final Clock clock;
    final CheckClock checkClock;
    final NagiosLog log;
    final EngineListener listener;
    final Checkables objects;
    final EventIds ids = EventIds.fresh();
    final EngineMetrics metrics = new EngineMetrics();
    /** Counted from this engine's construction: Nagios counts again from each (re)start. */
    final CheckStatistics stats;
    final EngineThread thread;
    final NotificationJournal journal;
    final EngineEntries entries;
    final FlapDetection flapping;
    final ProgramSwitches switches;
    final Retained retained;
    final ContactNotifications contactNotifications;
    final FlapNotices notices;
    final CheckGate gate;
    final CheckPool pool;
    final CheckSchedule schedule;
    final ObjectSwitches objectSwitches;
    final CheckRuns runs;
    final Results results;
    final FreshnessPasses freshness;
    final EventHandlers handlers;
    final Feeds feeds;
    final Restore restore;
    final Reloads reloads;
    final Sweeps sweeps;
    /** Reload: this engine continues another's schedule, so checks that came due meanwhile run at once. */
    boolean continuing;

    /** What runs this engine's commands: its checks' executor, and where its event handlers may go instead. */
    record Runners(CheckExecutor.Factory executors, HandlerDispatch handlers) {
    }

    EngineAssembly(ObjectModel model, MainConfig main, Clock clock, CheckClock checkClock, NagiosLog log,
                   EngineListener listener, Runners runners) {
        CheckExecutor.Factory executors = runners.executors();
        this.model = model;
        this.clock = clock;
        this.stats = new CheckStatistics(clock, clock.instant());
        this.checkClock = checkClock;
        this.log = log;
        this.listener = listener;
        this.objects = new Checkables(model);
        this.thread = new EngineThread(log::log);
        this.journal = new NotificationJournal(task -> thread.submit("notification journal", task));
        EntryStore store = new EntryStore();
        Comments comments = new Comments(store);
        StateSettings settings = StateSettings.from(main);
        this.flapping = new FlapDetection(FlapConfig.from(main), settings.intervalLength(),
                new EntryFlapComments(comments));
        registerFlapDetection();
        this.switches = new ProgramSwitches(main, flapping, objects, clock);
        this.retained = new Retained(objects, flapping, switches, ids);
        this.contactNotifications = retained.contacts();
        EngineParts parts = new EngineParts(model, objects, clock, log, listener, thread, retained, stats);
        this.notices = new FlapNotices(log, listener, objects);
        StatusMacros macros = new StatusMacros(objects.hostMap(), objects.serviceMap(), clock);
        CheckExecutor executor = executors.create(macros);
        CheckPeriods periods = new CheckPeriods(model.compileTimeperiods(main.zone(), new Diagnostics()));
        this.gate = CheckGate.of(model, main, objects.targets(), statuses(objects), settings.intervalLength(),
                log::log);
        this.pool = new CheckPool(executor, main);
        this.entries = new EngineEntries(store, comments, new Acknowledgements(comments, (t, st, ack) ->
                listener.acknowledged(t, st, ack.author(), ack.comment(), ack.sendNotification())),
                new DowntimeBook(objects, store, log, listener, new EntryDowntimeComments(comments),
                        DowntimeText.of(main.value("date_format").orElse("us"), main.zone())));
        FreshnessChecker checker = new FreshnessChecker(FreshnessSettings.from(main), log::log);
        this.handlers = EventHandlers.create(model, main, new StatusMacros(objects.hostMap(), objects.serviceMap(),
                clock), clock, log::log, runners.handlers());
        this.feeds = Feeds.create(model, main, new StatusMacros(objects.hostMap(), objects.serviceMap(), clock), clock,
                log::log);
        this.schedule = new CheckSchedule(new CheckSchedule.Parts(objects, model, periods, checkClock, clock), log,
                thread::closing, settings.intervalLength());
        this.objectSwitches = new ObjectSwitches(objects, schedule, flapping, notices, retained, clock);
        this.runs = new CheckRuns(parts, schedule, gate, switches, pool);
        this.results = new Results(parts, switches, ids, entries,
                new Results.Reach(schedule, gate, runs, flapping, notices, handlers, feeds));
        this.freshness = new FreshnessPasses(parts, checker, periods, schedule, runs);
        this.restore = new Restore(parts, entries, journal, flapping, notices);
        this.reloads = new Reloads(parts, store, runs, schedule);
        this.sweeps = new Sweeps(new SweepChecks(parts, runs, pool));
        runs.onFinish(this::finish);
        switches.wire(new Wiring());
    }

    /** A check came back (or was carried from a replaced engine): applied, then told to a running sweep. */
    void finish(CheckTarget t, CheckOutcome outcome, Throwable failure) {
        if (runs.returned(t, outcome, failure)) {
            metrics.record(outcome);
            if (!freshness.discard(t)) { // fresh meanwhile by a passive result: Nagios discards it too
                results.apply(t, outcome);
            }
        }
        if (sweeps.active()) { // one field read for checks outside sweeps
            sweeps.checkDone(t, outcome, failure);
        }
    }

    /** Registers every object with flap detection, with its config's settings. */
    private void registerFlapDetection() {
        Map<String, Integer> servicesPerHost = new HashMap<>();
        for (CheckTarget t : objects.targets()) {
            if (t.isHost()) {
                continue;
            }
            servicesPerHost.merge(t.hostName(), 1, Integer::sum);
            flapping.registerService(t, objects.service(t.service()), model.services().get(t.service()).flap());
        }
        for (CheckTarget t : objects.targets()) {
            if (!t.isHost()) {
                continue;
            }
            Host h = model.hosts().get(t.hostName());
            // Nagios 4.4.6 never adds the services' check intervals up (total_service_check_interval stays 0)
            flapping.registerHost(t, objects.host(t.hostName()), h.flap(), servicesPerHost.getOrDefault(h.name(), 0),
                    0, h.notification().interval());
        }
    }

    private static Dependencies.Statuses statuses(Checkables objects) {
        return new Dependencies.Statuses() {
            @Override
            public HostStatus host(String name) {
                return objects.host(name);
            }

            @Override
            public ServiceStatus service(org.vigil.config.model.ServiceKey key) {
                return objects.service(key);
            }
        };
    }

    /** What a program switch change reaches: the result handlers and retention. */
    private final class Wiring implements ProgramSwitches.Wiring {
        @Override
        public void settingsChanged(StateSettings settings) {
            results.settingsChanged(settings);
        }

        @Override
        public void programChanged() {
            retained.programChanged();
        }

        @Override
        public void flapped(List<FlapEvent> events) {
            notices.flapped(events);
            events.forEach(e -> retained.statusChanged(e.target()));
        }
    }
}
