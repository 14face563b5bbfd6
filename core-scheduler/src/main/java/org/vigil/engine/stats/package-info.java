/**
 * Check statistics: how many checks and external commands of each kind the engine ran in the last 1, 5 and 15
 * minutes, counted as Nagios 4 counts them, for status.dat's {@code programstatus} and so for {@code nagios4stats}.
 * Knows nothing of the engine; the engine reports each event here.
 */
package org.vigil.engine.stats;
