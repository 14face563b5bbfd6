/**
 * The worker's running part: a {@link org.vigil.worker.run.JobLoop} serves mod_gearman check jobs from a gearmand,
 * runs them with the same plugin runner as local execution and sends their results back as mod_gearman's worker does.
 */
package org.vigil.worker.run;
