/**
 * Soft/hard state logic of Nagios Core 4.4 as a pure library: check result in, status updated, effects out.
 *
 * <p>The engine owns one {@link org.vigil.engine.state.HostStatus} per host and one
 * {@link org.vigil.engine.state.ServiceStatus} per service (built from the config records) and, on its one
 * thread, passes every result to {@link org.vigil.engine.state.HostResultHandler#apply} or
 * {@link org.vigil.engine.state.ServiceResultHandler#apply}. It then carries out the returned
 * {@link org.vigil.engine.state.Effects} in Nagios's order:
 * <ol>
 *   <li>write {@code logLines} to the main log;</li>
 *   <li>update flapping (Nagios's {@code check_for_*_flapping}) and, if the state or its type changed,
 *       start pending flexible downtime;</li>
 *   <li>schedule the next check at {@code nextCheck}, moved into the check period as Nagios's
 *       {@code get_next_valid_time} does, and queue checks of {@code hostChecks} now;</li>
 *   <li>if {@code notificationDue}, let the notifier decide (state type, options, downtime, ack, flapping,
 *       intervals); then, if {@code resetNotificationNumber}, set the notification number to 0;</li>
 *   <li>if {@code eventHandlerDue} and event handlers are enabled, run the handler with the macros of
 *       {@code alert} and log its {@code SERVICE EVENT HANDLER} line.</li>
 * </ol>
 *
 * <p>The objects themselves live here too: {@link org.vigil.engine.state.Checkables} holds the statuses and
 * {@link org.vigil.engine.state.CheckTarget}s (the check clock's ids, "h12"/"s34", are made and read only there and
 * in the engine). A result says what it says in its own type ({@link org.vigil.engine.state.Verdict}): a plugin's exit
 * for active checks, a service or host state for passive ones; only {@code HostResultHandler} turns a host's plugin
 * exit into a host state. Nothing here knows who runs checks, sends notifications or keeps retention.
 *
 * <p>The rules follow Nagios 4.4's {@code base/checks.c} as written, including where it differs from its
 * own documentation; the tests' Javadoc names each such case.
 */
package org.vigil.engine.state;
