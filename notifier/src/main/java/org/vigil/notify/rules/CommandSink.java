package org.vigil.notify.rules;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.macro.ExpandedCommand;
import org.vigil.checks.macro.MacroContext;
import org.vigil.checks.macro.MacroResolver;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.exec.NotificationCommand;
import org.vigil.engine.exec.NotificationDispatch;

/**
 * Runs a contact's notification commands as Nagios does: macros expanded for the host, service and contact with
 * the notification's own values ({@code $NOTIFICATIONTYPE$}, {@code $CONTACTEMAIL$}...), the {@code NAGIOS_*}
 * environment when {@code enable_environment_macros=1}, and {@code notification_timeout}. Commands run on this
 * sink's own threads, never on the engine thread; failures and timeouts are logged as warnings. With a
 * {@link NotificationDispatch} other than {@link NotificationDispatch#LOCAL}, each expanded command is first offered
 * to it (a gearmand worker) and runs here only when it declines.
 */
public final class CommandSink implements NotificationSink, AutoCloseable {

    private final MacroResolver macros;
    private final PluginRunner runner;
    private final Duration timeout;
    private final boolean environment;
    private final Consumer<String> log;
    private final ExecutorService threads;
    private final NotificationDispatch dispatch;
    /** Why {@link #run} has no result of a command a worker took. */
    static final String TAKEN = "taken by a worker";

    public CommandSink(MacroResolver macros, PluginRunner runner, MainConfig main, Consumer<String> log, int threads) {
        this(macros, runner, main, log, threads, NotificationDispatch.LOCAL);
    }

    /** The sink, offering each command to {@code dispatch} before running it here. */
    public CommandSink(MacroResolver macros, PluginRunner runner, MainConfig main, Consumer<String> log, int threads,
                       NotificationDispatch dispatch) {
        this.dispatch = dispatch;
        this.macros = macros;
        this.runner = runner;
        this.timeout = Duration.ofSeconds(seconds(main.value("notification_timeout", "30")));
        this.environment = main.flag("enable_environment_macros", false);
        this.log = log;
        this.threads = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "vigil-notify");
            t.setDaemon(true);
            return t;
        });
    }

    private static long seconds(String value) {
        try {
            return Math.max(1, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    @Override
    public void deliver(Notification n) {
        for (String command : n.commands()) {
            threads.execute(() -> run(n, command, line -> line));
        }
    }

    /**
     * Runs {@code n}'s commands, each guarded by its start marker for journal entry {@code id} (so that after a crash
     * the same entry may be delivered again without running a command twice), then runs {@code done} once all have
     * ended. Without {@code markers} the commands run unguarded.
     */
    public void deliver(Notification n, long id, java.util.Optional<StartMarkers> markers, Runnable done) {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(
                n.commands().size());
        for (int i = 0; i < n.commands().size(); i++) {
            String command = n.commands().get(i);
            int index = i;
            threads.execute(() -> {
                try {
                    run(n, command, line -> markers.map(m -> m.guard(line, id, index)).orElse(line));
                } finally {
                    if (left.decrementAndGet() == 0) {
                        done.run();
                    }
                }
            });
        }
    }

    /** Expands and runs one command for one notification; blocking, on a sink thread. */
    PluginResult run(Notification n, String command) {
        return run(n, command, line -> line);
    }

    private PluginResult run(Notification n, String command,
                             java.util.function.UnaryOperator<org.vigil.checks.command.CommandLine> guard) {
        MacroContext ctx = new MacroContext(n.hostName(), n.service(), n.contact().name(), java.util.List.of(),
                n.macros());
        Optional<ExpandedCommand> cmd = macros.command(ctx, command);
        if (cmd.isEmpty()) {
            log.accept("Warning: notification command '" + command + "' for contact '" + n.contact().name()
                    + "' is not defined");
            return PluginResult.notStarted("no command", n.time());
        }
        if (sent(n, cmd.get().line())) {
            return PluginResult.notStarted(TAKEN, n.time());
        }
        Map<String, String> env = environment ? macros.environment(ctx.withArgs(cmd.get().args())) : Map.of();
        PluginResult r = runner.run(guard.apply(cmd.get().commandLine()), env, timeout);
        String about = n.isHost() ? "host '" + n.hostName() + "'"
                : "service '" + n.service().description() + "' on host '" + n.hostName() + "'";
        if (r.timedOut()) {
            log.accept("Warning: Timeout while notifying contact '" + n.contact().name() + "' of " + about
                    + " by command '" + cmd.get().line() + "'");
        } else if (r.exitCode() != 0) {
            log.accept("Warning: Notification command for contact '" + n.contact().name() + "' about " + about
                    + " exited with exit code " + r.exitCode() + ". stdout: '" + nonEmpty(r.stdout())
                    + "', stderr: '" + nonEmpty(r.stderr()) + "'");
        }
        return r;
    }

    /**
     * Whether a worker took the command; one that could not be given to it runs here, said in the log. The start
     * marker guard is not sent: a worker cannot see this machine's markers.
     */
    private boolean sent(Notification n, String line) {
        if (dispatch == NotificationDispatch.LOCAL) {
            return false;
        }
        CheckSubject subject = n.isHost() ? CheckSubject.host(n.hostName())
                : CheckSubject.service(n.hostName(), n.service().description());
        String longOutput = n.macros().getOrDefault(n.isHost() ? "LONGHOSTOUTPUT" : "LONGSERVICEOUTPUT", "");
        try {
            return dispatch.send(new NotificationCommand(subject, n.contact().name(), line,
                    n.output() == null ? "" : n.output(), longOutput, n.time()));
        } catch (RuntimeException e) {
            log.accept("Warning: notification command '" + line + "' for contact '" + n.contact().name()
                    + "' could not be sent to a worker (" + e.getMessage() + "): run here");
            return false;
        }
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? "(empty)" : s.strip();
    }

    /** Lets running commands finish for a moment, then stops. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            threads.awaitTermination(timeout.toSeconds() + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
