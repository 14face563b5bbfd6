/**
 * What {@code vigil worker} runs: pools of job loops per gearmand, sized as mod_gearman sizes its worker processes
 * (min-worker, max-worker, spawn-rate, idle-timeout), each loop reconnecting to a lost gearmand with backoff and the
 * outage logged once.
 */
package org.vigil.worker.pool;
