/**
 * Scale-out through a Gearman job server as mod_gearman does it (issue 20): {@code org.vigil.worker.gearman} speaks
 * Gearman's binary protocol (client, worker) and its admin text protocol; {@code org.vigil.worker.payload} reads and
 * writes mod_gearman's job and result payloads. The engine's side and {@code vigil worker} build on both.
 */
package org.vigil.worker;
