/** status.dat in Nagios's format, rendered from copies of the state. */
package org.vigil.engine.status;
