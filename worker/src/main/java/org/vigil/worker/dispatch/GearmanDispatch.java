package org.vigil.worker.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.SubjectRunner;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;
import org.vigil.engine.exec.CheckDispatch;
import org.vigil.engine.exec.NotificationDispatch;
import org.vigil.engine.handler.HandlerDispatch;
import org.vigil.worker.gearman.ServerAddress;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.SharedKey;

/**
 * The central node's side of mod_gearman: checks the router gives a queue are sent to gearmand as background jobs
 * in mod_gearman's payload (by one pipelining submitter thread), results are read back from the result queue by
 * {@code result_workers} threads per server and complete the checks that wait for them, first in first out per
 * object. A result nobody waits for is counted and dropped. A check without a result {@code orphanAfter} past its
 * timeout ends as mod_gearman's orphan result, or, with orphan checks off, is submitted again. With no gearmand
 * answering for {@code localFallbackAfter}, new checks run on this machine until one answers. Lives across reloads.
 */
public final class GearmanDispatch implements CheckDispatch {

    /** How often deadlines and the fallback are looked at. */
    static final Duration SWEEP = Duration.ofMillis(50);

    private final DispatchSettings settings;
    private final Clock clock;
    private final DispatchLog log = new DispatchLog();
    private final DispatchStats stats = new DispatchStats();
    private final Waiting waiting = new Waiting();
    private final Fallback fallback;
    private final Submitter submitter;
    private final JobSender jobs;
    private final List<ResultReader> readers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService sweeper;
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closed;
    private ObjectModel routedModel;
    private QueueRouter routes;

    /** Starts the submitter, the result readers and the sweeper; they connect to gearmand in the background. */
    public GearmanDispatch(DispatchSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        PayloadCodec codec = codec(settings);
        this.fallback = new Fallback(settings.localFallbackAfter(), clock, log, stats);
        this.submitter = new Submitter(settings, codec, fallback, stats, log, clock);
        start(submitter, "vigil-gearman-submit");
        this.jobs = new JobSender(settings.servers(), codec);
        PayloadCodec resultCodec = settings.acceptClearResults() ? codec.acceptingClearText() : codec;
        ResultReader.Shared shared = new ResultReader.Shared(resultCodec, waiting, fallback, stats,
                new RejectedResults(clock, log, stats), clock);
        for (ServerAddress server : settings.servers()) {
            for (int i = 0; i < Math.max(1, settings.resultWorkers()); i++) {
                ResultReader reader = new ResultReader(server, settings.resultQueue(), shared);
                readers.add(reader);
                start(reader, "vigil-gearman-results-" + server + "-" + i);
            }
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vigil-gearman-sweep"));
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static PayloadCodec codec(DispatchSettings settings) {
        if (!settings.encryption()) {
            return PayloadCodec.plain();
        }
        if (settings.key() == null || settings.key().isEmpty()) {
            throw new IllegalArgumentException("mod_gearman: encryption is on but no key is given (key= or keyfile=)");
        }
        return PayloadCodec.encrypted(SharedKey.fromPassword(settings.key()));
    }

    private void start(Runnable task, String name) {
        Thread thread = daemon(task, name);
        threads.add(thread);
        thread.start();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public SubjectRunner runnerFor(ObjectModel model, MainConfig main, PluginRunner local, Consumer<String> log) {
        this.log.use(log);
        QueueRouter router = router(model);
        router.warnings().forEach(this.log::line);
        return new DispatchRunner(router, local, this);
    }

    /** Event handlers to the {@code eventhandler} queue (or their object's) when {@code eventhandler=yes}. */
    @Override
    public HandlerDispatch handlersFor(ObjectModel model, MainConfig main, Consumer<String> log) {
        return settings.eventhandler() ? new HandlerSender(router(model), jobs, clock)
                : HandlerDispatch.LOCAL;
    }

    /** Notification commands to the {@code notification} queue when {@code notifications=yes}. */
    @Override
    public NotificationDispatch notificationsFor(ObjectModel model, MainConfig main, Consumer<String> log) {
        return settings.notifications() ? new NotificationSender(router(model), jobs, clock)
                : NotificationDispatch.LOCAL;
    }

    /** The routes of {@code model}, worked out once for the checks, handlers and notifications of one engine. */
    private synchronized QueueRouter router(ObjectModel model) {
        if (routedModel != model) {
            routedModel = model;
            routes = QueueRouter.of(model, settings);
        }
        return routes;
    }

    /** What the dispatch has done so far, and whether gearmand answers. */
    public DispatchCounters counters() {
        return stats.snapshot(waiting.size(), fallback);
    }

    boolean runningLocally() {
        return fallback.runningLocally();
    }

    void ranLocally() {
        stats.ranLocally.increment();
    }

    /** Queues the check's job and gives the stage its result (or orphan result) completes; never blocks. */
    CompletableFuture<PluginResult> send(CheckSubject subject, String queue, String commandLine, Duration timeout) {
        Instant now = clock.instant();
        Pending pending = new Pending(sequence.incrementAndGet(), subject, queue,
                ModGearmanJobs.job(subject, settings.resultQueue(), queue, now, timeout, commandLine), now,
                now.plus(timeout).plus(settings.orphanAfter()));
        waiting.add(pending);
        if (closed) { // close() may have drained the waiting checks before this one was added
            waiting.forget(pending);
            endAsOrphan(pending, now);
        }
        submitter.submit(pending);
        return pending.result();
    }

    private void sweep() {
        try {
            Instant now = clock.instant();
            for (Pending due : waiting.due(now)) {
                if (due.subject().isHost() ? settings.orphanHostChecks() : settings.orphanServiceChecks()) {
                    waiting.forget(due);
                    endAsOrphan(due, now);
                } else if (waiting.rearm(due, now.plus(Duration.ofSeconds(due.job().timeout()))
                        .plus(settings.orphanAfter()))) {
                    stats.resubmitted.increment();
                    log.line("no result for the " + due.describe() + " on queue '" + due.queue() + "' in time: "
                            + "submitted again (orphan_" + (due.subject().isHost() ? "host" : "service")
                            + "_checks=no)");
                    submitter.submit(due);
                }
            }
            fallback.tick(now);
        } catch (RuntimeException e) {
            // the sweeper must outlive any one bad sweep, or checks would hang
            log.line("deadline sweep failed: " + e);
        }
    }

    private void endAsOrphan(Pending pending, Instant now) {
        if (pending.claim()) {
            stats.orphaned.increment();
            pending.end(ModGearmanJobs.orphan(pending.subject(), pending.queue(), settings.orphanReturn(), now));
        }
    }

    /** Stops sending and reading; every check still waiting ends as an orphan result. */
    @Override
    public void close() {
        closed = true;
        sweeper.shutdownNow();
        submitter.close();
        readers.forEach(ResultReader::close);
        jobs.close();
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Instant now = clock.instant();
        waiting.takeAll().forEach(pending -> endAsOrphan(pending, now));
    }
}
