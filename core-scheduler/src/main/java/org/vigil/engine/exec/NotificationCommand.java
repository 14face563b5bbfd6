package org.vigil.engine.exec;

import java.time.Instant;
import java.util.Objects;
import org.vigil.checks.exec.CheckSubject;

/**
 * One notification command for one contact, expanded, as a worker needs it: what mod_gearman's notification job
 * carries.
 *
 * @param subject     the host or service notified about
 * @param contact     the contact's name
 * @param commandLine the command line, macros expanded
 * @param output      the object's plugin output
 * @param longOutput  the object's long plugin output, empty when none
 * @param start       when the notification was decided
 */
public record NotificationCommand(CheckSubject subject, String contact, String commandLine, String output,
        String longOutput, Instant start) {

    public NotificationCommand {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(contact);
        Objects.requireNonNull(commandLine);
        Objects.requireNonNull(output);
        Objects.requireNonNull(longOutput);
        Objects.requireNonNull(start);
    }
}
