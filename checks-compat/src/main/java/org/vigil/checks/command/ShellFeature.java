package org.vigil.checks.command;

/** A shell construct in a command line that makes Nagios hand the line to {@code /bin/sh -c}. */
public enum ShellFeature {
    /** {@code |}, {@code <} or {@code >} outside quotes. */
    REDIRECTION,
    /** {@code &} or {@code ;} outside quotes. */
    JOB_CONTROL,
    /** A backquote, or {@code $(}, outside single quotes and not escaped. */
    SUBCOMMAND,
    /** {@code $} outside single quotes and not escaped. */
    VARIABLE,
    /** {@code (} or {@code )} outside quotes. */
    PARENTHESIS,
    /** {@code *} or {@code ?} outside quotes. */
    WILDCARD,
    /** A single quote that is never closed. */
    UNTERMINATED_SINGLE_QUOTE,
    /** A double quote that is never closed. */
    UNTERMINATED_DOUBLE_QUOTE
}
