/**
 * Nagios's external commands: the command file ({@link org.vigil.engine.command.CommandFile}, a named pipe
 * read on its own thread), the parser ({@link org.vigil.engine.command.CommandParser}, line to
 * {@link org.vigil.engine.command.ExternalCommand} or {@link org.vigil.engine.command.CommandError}) and the
 * dispatcher ({@link org.vigil.engine.command.Commands}, which carries commands out on the engine thread, in
 * the same order as check results, and is also the entry point for the API and web pages).
 *
 * <p>Log texts and parsing follow nagios4 4.4.6 as observed writing to its command file. Deliberate
 * differences, for docs/compatibility.md:
 * <ul>
 *   <li>A refused line's {@code External command ... returned error ...} line ends with Vigil's reason in
 *       parentheses (Nagios gives none).</li>
 *   <li>A return code, host state or time that is not a number fails the command; Nagios reads it as 0
 *       (so {@code ;x;} would be an OK).</li>
 *   <li>An entry time that is not a number ({@code [abc]}) is taken as the time the line was read; Nagios
 *       uses 0.</li>
 *   <li>Control characters of a junk line are logged as {@code ?}, so the log keeps one event a line.</li>
 *   <li>Nagios's garbled echo of binary lines (its buffer's leftovers) is not reproduced.</li>
 *   <li>Lines, comments and authors have size limits ({@link org.vigil.engine.command.CommandLimits}); Nagios 4
 *       takes lines up to 512 KiB and keeps comments whole.</li>
 * </ul>
 */
package org.vigil.engine.command;
