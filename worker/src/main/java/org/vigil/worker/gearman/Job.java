package org.vigil.worker.gearman;

/**
 * A job a worker was assigned.
 *
 * @param handle   the server's handle for the job, used to report its result
 * @param function the function (queue) it was submitted on
 * @param unique   its unique id, empty when the submitter gave none
 * @param data     its payload, byte for byte as submitted
 */
public record Job(String handle, String function, String unique, byte[] data) {
}
