/**
 * State history and availability from the Nagios log ({@code log_file} and the archives in
 * {@code log_archive_path}), worked out as Nagios 4.4.6's avail.cgi does ({@code cgi/avail.c}): the log's lines
 * become archived states per subject, the report period is walked span by span, program stops and scheduled
 * downtime counted as avail.cgi counts them. {@link org.vigil.web.history.HistoryIndex} keeps the log's events so a
 * report parses no line twice; {@link org.vigil.web.history.HistoryFiles} reads archives older than it keeps. Reads
 * files only; nothing here changes the engine.
 */
package org.vigil.web.history;
