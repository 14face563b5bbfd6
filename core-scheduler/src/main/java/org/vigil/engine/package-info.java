/**
 * The engine: the runtime state of every host and service, owned by one thread, and the parts that act on it, one
 * class per concern ({@link org.vigil.engine.Engine} is their face; {@code EngineAssembly} builds and wires them):
 * the thread and its queue ({@code EngineThread}), the life of a check ({@code CheckRuns}, {@code CheckSchedule},
 * {@code CheckPool}), a result applied ({@code Results}), the program switches
 * ({@link org.vigil.engine.ProgramSwitches}), the entries ({@code EntryStore}), retention ({@code Retained},
 * {@code Restore}), the reload hand-over ({@code Reloads}) and the freshness passes ({@code FreshnessPasses}).
 *
 * <p>This package uses the concept packages below it ({@code state}, {@code schedule}, {@code flap},
 * {@code downtime}...); none of them uses it: each declares the small interface it needs. Only the engine's
 * clients ({@code command}, {@code daemon}) hold an {@link org.vigil.engine.Engine}.
 */
package org.vigil.engine;
