/** The main log ({@code log_file}) in Nagios's line format, when and where it is rotated, and its copy to syslog. */
package org.vigil.engine.log;
