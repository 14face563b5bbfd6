package org.vigil.engine.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.Engine;
import org.vigil.engine.Handover;
import org.vigil.engine.log.NagiosLog;
import org.vigil.engine.reload.CommandGate;
import org.vigil.engine.reload.LateResults;
import org.vigil.engine.reload.ReloadPlan;
import org.vigil.engine.reload.ReloadResult;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.RetainedState;
import org.vigil.engine.retention.WriteBehindRetention;

/**
 * Reloads ({@code org.vigil.engine.reload}): the new config is loaded and verified on the caller's thread while the
 * old engine runs on; a valid one gets a new engine that continues the old one's state, entries and schedule (an
 * in-memory retention round trip), and the old engine is closed when its last check is back.
 */
final class Reloader {

    private final Daemon daemon;
    private final NagiosLog log;
    private final Clock clock;
    private final CommandGate commandGate;
    private final Object reloading = new Object();
    private final Set<Engine> retiring = ConcurrentHashMap.newKeySet();
    private volatile ReloadResult lastReload;
    private volatile ReloadResult lastRejected;
    private volatile boolean closed;

    Reloader(Daemon daemon, NagiosLog log, Clock clock, CommandGate commandGate) {
        this.daemon = daemon;
        this.log = log;
        this.clock = clock;
        this.commandGate = commandGate;
    }

    /**
     * The one path of every reload (SIGHUP, {@code vigil reload}, the config watch): logs {@code reason}, loads
     * and verifies the main config again on the caller's thread; with errors, logs each and keeps running the
     * old config; else swaps in an engine for the new config. Reloads are serialized; after close nothing happens.
     */
    ReloadResult reload(String reason) {
        synchronized (reloading) {
            if (closed) {
                return ReloadResult.rejected(clock.instant(), List.of("the monitor is shutting down"));
            }
            log.log(reason);
            LoadResult next = ConfigLoader.load(daemon.config().mainConfig().file());
            List<String> errors = ReloadPlan.errors(next);
            ReloadResult result;
            if (errors.isEmpty()) {
                try {
                    swap(next);
                    result = ReloadResult.applied(clock.instant());
                } catch (RuntimeException e) { // a bug: say so, and never leave the command file held
                    commandGate.open(line -> daemon.commands().submitLine(line));
                    log.log("Error: reload failed: " + e);
                    result = ReloadResult.rejected(clock.instant(), List.of("internal error: " + e));
                    lastRejected = result;
                }
            } else {
                errors.forEach(e -> log.log("Error: reload rejected: " + e));
                log.log("Error: reload rejected: " + errors.size()
                        + " error(s) in the new configuration; still running the previous one");
                result = ReloadResult.rejected(clock.instant(), errors);
                lastRejected = result;
            }
            lastReload = result;
            return result;
        }
    }

    /** The in-memory retention round trip: the old engine's snapshot is retained by the new one. */
    private void swap(LoadResult next) {
        ReloadPlan.restartOnlyChanges(daemon.config().mainConfig(), next.mainConfig()).forEach(log::log);
        Engine old = daemon.engine();
        EngineListenerFactory.Attachment attachment = daemon.listeners().create(next, log);
        Engine fresh = daemon.buildEngine(next, attachment.listener());
        commandGate.hold();
        old.pauseChecks();
        LateResults late = new LateResults();
        Handover handover = old.handOver(late);
        old.feeds().closeFiles(); // its results go to fresh from now on; fresh opens its perfdata files at its first line
        RetainedState carried = ReloadPlan.onlyExisting(handover.state(), fresh.retentionKeys());
        WriteBehindRetention retention = daemon.retentionWriter();
        fresh.retainHandover(carried, retention);
        if (retention != null) {
            retention.retainOnly(fresh.retentionKeys());
        }
        fresh.continueFrom(handover);
        attachment.bind().accept(fresh);
        daemon.switchTo(next, fresh, attachment);
        ProgramStart.log(log, clock, next.mainConfig());
        fresh.start();
        ObjectCacheFile.write(next, log);
        late.attach(fresh::applyCarried);
        commandGate.open(daemon.commands()::submitLine);
        retire(old, fresh);
    }

    /**
     * Closes the replaced engine once its running checks have come back (their results went to {@code fresh});
     * a check that has not after the longest check timeout is given up, so {@code fresh} may run it again.
     */
    private void retire(Engine old, Engine fresh) {
        retiring.add(old);
        MainConfig main = daemon.config().mainConfig();
        long waitSeconds = 5 + Math.max(main.value("service_check_timeout").map(Daemon::seconds).orElse(60L),
                main.value("host_check_timeout").map(Daemon::seconds).orElse(30L));
        Thread t = new Thread(() -> {
            try {
                old.awaitIdle(Duration.ofSeconds(waitSeconds));
                Set<ObjectKey> lost = old.runningChecks();
                old.close();
                if (!lost.isEmpty() && !closed) {
                    log.log("Warning: reload: " + lost.size() + " check(s) of the previous configuration did not"
                            + " finish within " + waitSeconds + "s; they are scheduled again");
                    fresh.releaseRunning(lost);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!closed) { // after close, the engines are being stopped anyway
                    log.log("Warning: reload: the previous engine did not stop cleanly: " + e.getMessage());
                }
            } finally {
                retiring.remove(old);
            }
        }, "vigil-reload-retire");
        t.setDaemon(true);
        t.start();
    }

    Optional<ReloadResult> lastReload() {
        return Optional.ofNullable(lastReload);
    }

    Optional<ReloadResult> lastRejected() {
        return Optional.ofNullable(lastRejected);
    }

    /** The lines the last reloads add to status.dat's {@code programstatus} block. */
    String statusLines() {
        return ReloadResult.statusLines(lastReload(), lastRejected());
    }

    /** No reload starts from now on; engines still retiring are closed. */
    void close() {
        synchronized (reloading) {
            closed = true;
        }
        retiring.forEach(Engine::close);
    }
}
