package org.vigil.engine.handler;

import java.time.Duration;
import org.vigil.checks.exec.CheckSubject;

/**
 * Where an event handler runs: on this machine ({@link #LOCAL}), or handed to a worker elsewhere as mod_gearman's
 * NEB module does with its {@code eventhandler} queue (issue 20). Asked on the handlers' own pool, never on the engine
 * thread, after the {@code ... EVENT HANDLER:} line is logged, as Nagios logs it before its broker may take over.
 */
@FunctionalInterface
public interface HandlerDispatch {

    /** Every handler on this machine. */
    HandlerDispatch LOCAL = (subject, commandLine, timeout) -> false;

    /**
     * Offers a handler to a worker.
     *
     * @param subject whose handler it is (a global handler is the object's too)
     * @param commandLine the handler's command line, macros expanded
     * @param timeout {@code event_handler_timeout}
     * @return true when a worker takes it (it is not run here), false to run it here; an exception also runs it here
     */
    boolean send(CheckSubject subject, String commandLine, Duration timeout);
}
