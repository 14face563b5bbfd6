/**
 * Acknowledgements as Nagios 4.4.6's {@code acknowledge_*_problem} and {@code remove_*_acknowledgement} make
 * and remove them, with their comments (entry type 4) in {@link org.vigil.engine.comment.Comments}. The state
 * machine ends them ({@code CheckableStatus.resetAcknowledgement}); {@link
 * org.vigil.engine.ack.Acknowledgements#afterResult} then deletes their comments that are not persistent.
 */
package org.vigil.engine.ack;
