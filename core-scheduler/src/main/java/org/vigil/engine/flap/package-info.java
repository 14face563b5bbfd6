/**
 * Flap detection as Nagios 4.4.6 does it: the state history of each object, the percent state change, the
 * thresholds, the flapping comments (through {@link org.vigil.engine.flap.FlapComments}) and the events the engine
 * logs and tells its listener.
 */
package org.vigil.engine.flap;
