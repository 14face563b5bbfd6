package org.vigil.engine.exec;

/**
 * Where a contact's notification command runs: on this machine ({@link #LOCAL}), or handed to a worker elsewhere as
 * mod_gearman's NEB module does with its {@code notification} queue (issue 20). Asked on the notifier's command
 * threads, never on the engine thread, once the command's macros are expanded.
 */
@FunctionalInterface
public interface NotificationDispatch {

    /** Every notification command on this machine. */
    NotificationDispatch LOCAL = command -> false;

    /**
     * Offers a notification command to a worker.
     *
     * @return true when a worker takes it (it is not run here), false to run it here; an exception also runs it here
     */
    boolean send(NotificationCommand command);
}
