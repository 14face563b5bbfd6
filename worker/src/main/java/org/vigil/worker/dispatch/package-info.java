/**
 * The central node's side of mod_gearman: checks routed to gearmand queues ({@code host}, {@code service},
 * {@code hostgroup_NAME}, {@code servicegroup_NAME}) as background jobs in mod_gearman's payload, results read back
 * from {@code check_results}, checks without a result in time ended as mod_gearman's orphan results, and a local
 * fallback when gearmand stays away. {@link org.vigil.worker.dispatch.GearmanDispatch} wires the parts: a runner per
 * engine ({@code DispatchRunner}), one pipelining {@code Submitter}, {@code ResultReader}s, the checks {@code Waiting}
 * with their deadlines, and the {@code Fallback}.
 * Its settings ({@link org.vigil.worker.dispatch.DispatchSettings}) are read by
 * {@link org.vigil.worker.dispatch.DispatchConfReader} from nagios.cfg's mod_gearman broker_module line, its
 * {@code module.conf} and vigil.yml's {@code gearman:} keys.
 */
package org.vigil.worker.dispatch;
