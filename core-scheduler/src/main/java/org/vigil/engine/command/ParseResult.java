package org.vigil.engine.command;

/** What a line of the command file is: a command to carry out, or the reason it is not one. */
public sealed interface ParseResult permits ExternalCommand, CommandError {
}
