package org.vigil.engine.handler;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.CommandPool;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.checks.macro.ExpandedCommand;
import org.vigil.checks.macro.MacroContext;
import org.vigil.checks.macro.MacroResolver;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.Effects;

/**
 * Nagios 4.4.6's {@code handle_service_event}/{@code handle_host_event} once the engine has decided a handler is
 * due (and that {@code enable_event_handlers} and the object's {@code event_handler_enabled} allow it): the global
 * handler first, then the object's. On the engine thread the command's macros are expanded (so they see the state
 * of this change, not a later one) and the {@code ... EVENT HANDLER:} line is logged; the command then runs on a
 * small pool of its own, never on the engine thread, and is killed at {@code event_handler_timeout}. With a
 * {@link HandlerDispatch} other than {@link HandlerDispatch#LOCAL}, the pool first offers the expanded command line to
 * it (a gearmand worker) and runs only what it declines.
 */
public final class EventHandlers implements AutoCloseable {

    private final HandlerSettings settings;
    private final MacroResolver macros;
    private final PluginRunner runner;
    private final Consumer<String> log;
    private final CommandPool pool;
    private final boolean ownsRunner;
    private final HandlerDispatch dispatch;

    EventHandlers(HandlerSettings settings, MacroResolver macros, PluginRunner runner, boolean ownsRunner,
                  Consumer<String> log, HandlerDispatch dispatch) {
        this.dispatch = dispatch;
        this.settings = settings;
        this.macros = macros;
        this.runner = runner;
        this.ownsRunner = ownsRunner;
        this.log = log;
        // a handful of threads: handlers are rare (state changes only) and a slow one must not hold up the others
        this.pool = new CommandPool("vigil-event-handler", 4, 0);
    }

    /**
     * The handlers of a loaded config, on their own plugin runner ({@link PluginRunners}). A global handler naming a command that
     * does not exist is reported once here and not run.
     */
    public static EventHandlers create(ObjectModel model, MainConfig main, RuntimeMacros runtime, Clock clock,
                                       Consumer<String> log) {
        return create(model, main, runtime, clock, log, HandlerDispatch.LOCAL);
    }

    /** As {@link #create(ObjectModel, MainConfig, RuntimeMacros, Clock, Consumer)}, offering each to {@code dispatch}. */
    public static EventHandlers create(ObjectModel model, MainConfig main, RuntimeMacros runtime, Clock clock,
                                       Consumer<String> log, HandlerDispatch dispatch) {
        HandlerSettings s = HandlerSettings.from(main);
        s = new HandlerSettings(known(model, s.globalHostHandler(), "global_host_event_handler", log),
                known(model, s.globalServiceHandler(), "global_service_event_handler", log), s.timeout(),
                s.logEventHandlers(), s.environmentMacros());
        return new EventHandlers(s, new MacroResolver(model, main, runtime, clock),
                PluginRunners.create(RunnerOptions.defaults().forDaemon(main)), true, log, dispatch);
    }

    private static String known(ObjectModel model, String handler, String directive, Consumer<String> log) {
        if (handler == null) {
            return null;
        }
        String name = MacroResolver.splitArguments(handler).get(0);
        if (!model.commands().containsKey(name)) {
            log.accept("Error: " + directive + " command '" + name + "' is not defined: no " + directive.replace('_',
                    ' ') + " is run");
            return null;
        }
        return handler;
    }

    public HandlerSettings settings() {
        return settings;
    }

    /** A service changed state: its handlers with the macros of {@code alert}. Engine thread. */
    public void serviceEvent(ServiceKey key, String objectHandler, Effects.Alert alert) {
        MacroContext ctx = MacroContext.service(key).withExtra(alertMacros("SERVICE", alert));
        CheckSubject subject = CheckSubject.service(key.hostName(), key.description());
        run(HandlerKind.GLOBAL_SERVICE, settings.globalServiceHandler(), ctx, subject, alert);
        run(HandlerKind.SERVICE, objectHandler, ctx, subject, alert);
    }

    /** A host changed state: its handlers with the macros of {@code alert}. Engine thread. */
    public void hostEvent(String host, String objectHandler, Effects.Alert alert) {
        MacroContext ctx = MacroContext.host(host).withExtra(alertMacros("HOST", alert));
        CheckSubject subject = CheckSubject.host(host);
        run(HandlerKind.GLOBAL_HOST, settings.globalHostHandler(), ctx, subject, alert);
        run(HandlerKind.HOST, objectHandler, ctx, subject, alert);
    }

    /** The state macros as they stood at the change (a soft recovery is OK SOFT 2 to its handler). */
    private static Map<String, String> alertMacros(String kind, Effects.Alert alert) {
        Map<String, String> m = new HashMap<>();
        if (alert != null) {
            m.put(kind + "STATE", alert.state().name());
            m.put(kind + "STATEID", Integer.toString(alert.state().code()));
            m.put(kind + "STATETYPE", alert.stateType().name());
            m.put(kind + "ATTEMPT", Integer.toString(alert.attempt()));
        }
        return m;
    }

    private void run(HandlerKind kind, String handler, MacroContext ctx, CheckSubject subject,
                     Effects.Alert alert) {
        if (handler == null || handler.isBlank()) {
            return;
        }
        Optional<ExpandedCommand> cmd = macros.command(ctx, handler);
        if (cmd.isEmpty()) {
            log.accept("Warning: " + kind.timeoutName + " event handler command '" + handler
                    + "' is not defined: not run");
            return;
        }
        if (settings.logEventHandlers() && alert != null) {
            String object = subject.hostName() + subject.serviceDescription().map(d -> ";" + d).orElse("");
            log.accept(kind.logPrefix + ": " + object + ";" + alert.state().name() + ";" + alert.stateType() + ";"
                    + alert.attempt() + ";" + handler);
        }
        Map<String, String> env = settings.environmentMacros()
                ? macros.environment(ctx.withArgs(cmd.get().args())) : Map.of();
        String line = cmd.get().line();
        pool.execute(() -> { // false only when shutting down: not started
            if (!sent(kind, subject, line)) {
                execute(kind, cmd.get(), env, line);
            }
        });
    }

    /** Pool thread: whether a worker took the handler; one it could not be given to runs here, said in the log. */
    private boolean sent(HandlerKind kind, CheckSubject subject, String line) {
        if (dispatch == HandlerDispatch.LOCAL) {
            return false;
        }
        try {
            return dispatch.send(subject, line, settings.timeout());
        } catch (RuntimeException e) {
            log.accept("Warning: " + kind.timeoutName + " event handler command '" + line
                    + "' could not be sent to a worker (" + e.getMessage() + "): run here");
            return false;
        }
    }

    /** Pool thread: runs one handler to its end or its timeout. */
    private void execute(HandlerKind kind, ExpandedCommand cmd, Map<String, String> env, String line) {
        try {
            PluginResult r = runner.run(cmd.commandLine(), env, settings.timeout());
            if (r.timedOut()) {
                double seconds = r.executionTime().toMillis() / 1000.0;
                log.accept(String.format(Locale.ROOT, "Warning: %s event handler command '%s' timed out after %.2f"
                        + " seconds", kind.timeoutName, line, seconds));
            }
        } catch (RuntimeException e) {
            log.accept("Warning: " + kind.timeoutName + " event handler command '" + line + "' could not be run: "
                    + e.getMessage());
        }
    }

    /** Waits until no handler is running; for tests. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return pool.awaitIdle(timeout);
    }

    /** Lets running handlers finish for a moment, then stops. */
    @Override
    public void close() {
        pool.close();
        if (ownsRunner && runner instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // shutting down
            }
        }
    }
}
