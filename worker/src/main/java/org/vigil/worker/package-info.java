/**
 * Scale-out through a Gearman job server as mod_gearman does it (issue 20): {@code org.vigil.worker.gearman} speaks
 * Gearman's binary protocol (client, worker) and its admin text protocol; {@code org.vigil.worker.payload} reads and
 * writes mod_gearman's job and result payloads; {@code org.vigil.worker.settings} reads a worker's settings from
 * mod_gearman's {@code worker.conf} and the command line; {@code org.vigil.worker.run} is one job loop and
 * {@code org.vigil.worker.pool} the pools of them that {@code vigil worker} runs. The engine's side builds on these.
 */
package org.vigil.worker;
