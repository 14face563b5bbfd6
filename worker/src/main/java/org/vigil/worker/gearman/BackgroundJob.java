package org.vigil.worker.gearman;

import java.util.Objects;

/**
 * A background job to submit: its function (queue), unique id (empty for none), payload and priority.
 *
 * @param function the queue
 * @param unique   the server merges queued jobs with the same unique id on one function; empty for none
 * @param data     the payload, byte for byte
 * @param priority the priority, which picks the SUBMIT packet
 */
public record BackgroundJob(String function, String unique, byte[] data, JobPriority priority) {

    public BackgroundJob {
        Objects.requireNonNull(function);
        Objects.requireNonNull(unique);
        Objects.requireNonNull(data);
        Objects.requireNonNull(priority);
    }
}
