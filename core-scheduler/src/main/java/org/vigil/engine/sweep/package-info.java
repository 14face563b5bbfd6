/**
 * Sweeps: run every check matching a filter now, at the pool's full concurrency, through the engine's normal
 * result path, with live progress readable from any thread and a summary at the end.
 *
 * <p>{@link org.vigil.engine.sweep.Sweeps} lives on the engine thread (one per engine) and is told of every finished
 * check only while a sweep runs; {@link org.vigil.engine.sweep.Sweep} publishes its results through a volatile
 * count, so progress is an immutable snapshot built by the reader. {@link org.vigil.engine.sweep.SweepService} is
 * the one entry point for the CLI's control socket and the HTTP layer (start, poll, cancel).
 */
package org.vigil.engine.sweep;
