package org.vigil.engine.exec;

import java.util.function.Consumer;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.SubjectRunner;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;
import org.vigil.engine.handler.HandlerDispatch;

/**
 * Where the daemon's active checks run: on this machine ({@link #LOCAL}), or sent to workers elsewhere (gearmand,
 * issue 20) with the objects no queue takes run locally. Lives as long as the daemon, across reloads: each engine
 * asks for the runner of its own configuration; checks in flight when an engine is replaced still end.
 */
public interface CheckDispatch extends AutoCloseable {

    /** Every check on this machine. */
    CheckDispatch LOCAL = (model, main, local, log) -> SubjectRunner.local(local);

    /**
     * The runner for an engine of this configuration.
     *
     * @param model the objects (their host and service groups route them)
     * @param main nagios.cfg
     * @param local the local runner (built-ins in front of the forking runner), for what runs here
     * @param log the daemon's log (nagios.log), for what the dispatch has to say
     */
    SubjectRunner runnerFor(ObjectModel model, MainConfig main, PluginRunner local, Consumer<String> log);

    /**
     * Where the event handlers of an engine of this configuration run: here unless the dispatch sends them to workers
     * too (mod_gearman's {@code eventhandler=}).
     */
    default HandlerDispatch handlersFor(ObjectModel model, MainConfig main, Consumer<String> log) {
        return HandlerDispatch.LOCAL;
    }

    /**
     * Where the contacts' notification commands of this configuration run: here unless the dispatch sends them to
     * workers too (mod_gearman's {@code notifications=}).
     */
    default NotificationDispatch notificationsFor(ObjectModel model, MainConfig main, Consumer<String> log) {
        return NotificationDispatch.LOCAL;
    }

    /** Stops sending; checks still waiting end as the dispatch says (orphaned). */
    @Override
    default void close() {
    }
}
