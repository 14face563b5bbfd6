package org.vigil.worker.dispatch;

import java.util.Objects;
import java.util.Optional;
import org.vigil.worker.gearman.JobPriority;
import org.vigil.worker.payload.CheckJob;

/**
 * A job ready for gearmand: the queue (Gearman function) it goes to, mod_gearman's unique id when it sends one, the
 * priority mod_gearman gives its kind, and the job whose payload is sent.
 *
 * @param queue    the gearmand queue ({@code service}, {@code hostgroup_NAME}, {@code eventhandler}...)
 * @param unique   the unique id that lets gearmand merge duplicates, empty for none
 * @param priority background job priority
 * @param job      the job
 */
public record QueuedJob(String queue, Optional<String> unique, JobPriority priority, CheckJob job) {

    public QueuedJob {
        Objects.requireNonNull(queue);
        Objects.requireNonNull(unique);
        Objects.requireNonNull(priority);
        Objects.requireNonNull(job);
    }
}
