/** The main log ({@code log_file}) in Nagios's line format. */
package org.vigil.engine.log;
