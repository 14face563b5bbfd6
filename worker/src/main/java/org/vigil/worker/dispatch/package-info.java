/**
 * The central node's side of mod_gearman: checks routed to gearmand queues ({@code host}, {@code service},
 * {@code hostgroup_NAME}, {@code servicegroup_NAME}) as background jobs in mod_gearman's payload, results read back
 * from {@code check_results}, checks without a result in time ended as mod_gearman's orphan results, and a local
 * fallback when gearmand stays away.
 */
package org.vigil.worker.dispatch;
