/** The main log ({@code log_file}) in Nagios's line format, and when and where it is rotated. */
package org.vigil.engine.log;
