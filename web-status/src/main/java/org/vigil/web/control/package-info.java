/**
 * The control socket: a Unix-domain socket beside {@code lock_file} ({@code LOCK_FILE.sock}) that {@code vigil run}
 * opens so that local commands ({@code vigil sweep}) reach the running monitor without the web layer. Only the
 * monitor's user and group can connect (mode 0660), as with the external command file.
 */
package org.vigil.web.control;
