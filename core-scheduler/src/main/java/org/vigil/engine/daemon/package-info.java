/**
 * The running monitor, as {@code vigil run} starts it: {@link org.vigil.engine.daemon.Daemon} wires the engine, the
 * plugin runner, the main log, the command file, the periodic jobs, retention ({@code DaemonRetention}), status.dat
 * ({@code StatusWriter}) and reloads ({@code Reloader}); the parts that outlive an engine live here. Nothing in the
 * engine depends on this package.
 */
package org.vigil.engine.daemon;
