package org.vigil.worker.dispatch;

import java.util.Objects;
import java.util.Optional;
import org.vigil.worker.gearman.JobPriority;

/**
 * A job ready for gearmand: the queue (Gearman function) it goes to, mod_gearman's unique id when it sends one, the
 * priority mod_gearman gives its kind, and the payload's text before encryption ({@code JobPayload},
 * {@code NotificationPayload}).
 *
 * @param queue    the gearmand queue ({@code service}, {@code hostgroup_NAME}, {@code eventhandler}...)
 * @param unique   the unique id that lets gearmand merge duplicates, empty for none
 * @param priority background job priority
 * @param text     the payload's clear text, {@code type=...} lines ending in a blank line
 */
public record QueuedJob(String queue, Optional<String> unique, JobPriority priority, String text) {

    public QueuedJob {
        Objects.requireNonNull(queue);
        Objects.requireNonNull(unique);
        Objects.requireNonNull(priority);
        Objects.requireNonNull(text);
    }
}
