/**
 * Reloads that never lose state (SIGHUP, {@code vigil reload}, {@code vigil run --watch}): the new config is
 * loaded and verified off the engine thread; a broken one is rejected with its errors and the old one keeps
 * running; a valid one replaces the engine through an in-memory retention round trip (the old engine's
 * {@link org.vigil.engine.Engine#handOver snapshot} is {@link org.vigil.engine.Engine#retain retained} by the
 * new one), so whatever retention keeps survives a reload too. The parts that outlive an engine (command file,
 * status file job, retention writer) reach the current one through the daemon.
 */
package org.vigil.engine.reload;
