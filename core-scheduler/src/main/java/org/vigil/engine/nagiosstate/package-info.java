/**
 * Nagios 4's state files, for a site moving in or going back: {@link org.vigil.engine.nagiosstate.StateFile}
 * reads retention.dat (or status.dat) into blocks, {@link org.vigil.engine.nagiosstate.StateImport} turns them into
 * what Vigil's retention store holds (with an {@link org.vigil.engine.nagiosstate.ImportReport} of what was taken and
 * what was not), and {@link org.vigil.engine.nagiosstate.StateExport} writes a store's state as a retention.dat
 * Nagios 4.4.6 reads back. The field names and meanings are those of Nagios's {@code xdata/xrddefault.c}.
 * Only {@code org.vigil.engine.retention} is used: the import runs while no engine does.
 */
package org.vigil.engine.nagiosstate;
