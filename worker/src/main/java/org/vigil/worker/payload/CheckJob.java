package org.vigil.worker.payload;

import java.util.Objects;
import java.util.Optional;

/**
 * A host or service check job as mod_gearman 5's NEB module queues it ({@code handle_host_check},
 * {@code handle_svc_check} in {@code neb_module_naemon/mod_gearman.c}); event handler jobs carry no host, queue or
 * timeout.
 *
 * @param type host, service, eventhandler or notification
 * @param resultQueue where the worker sends the result ({@code check_results} by default); empty for event handlers
 * @param targetQueue the queue the job was put on ({@code service}, {@code hostgroup_NAME}...), informational
 * @param hostName the host; empty for event handlers
 * @param serviceDescription the service, for service checks only
 * @param coreTime when the core planned the check (now minus the latency so far)
 * @param timeout the check's timeout in seconds; 0 lets the worker use its own {@code job_timeout}
 * @param commandLine the command line with macros already expanded
 */
public record CheckJob(JobType type, Optional<String> resultQueue, Optional<String> targetQueue,
        Optional<String> hostName, Optional<String> serviceDescription, GmTime coreTime, int timeout,
        String commandLine) {

    /** A job; host and service checks need a host and a result queue, service checks a service. */
    public CheckJob {
        Objects.requireNonNull(type);
        Objects.requireNonNull(coreTime);
        Objects.requireNonNull(commandLine);
        if ((type == JobType.HOST || type == JobType.SERVICE) && (hostName.isEmpty() || resultQueue.isEmpty())) {
            throw new IllegalArgumentException(type.wire() + " check job needs a host name and a result queue");
        }
        if (type == JobType.SERVICE && serviceDescription.isEmpty()) {
            throw new IllegalArgumentException("service check job needs a service description");
        }
    }

    /** A host check job. */
    public static CheckJob host(String resultQueue, String targetQueue, String host, GmTime coreTime, int timeout,
            String commandLine) {
        return new CheckJob(JobType.HOST, Optional.of(resultQueue), Optional.of(targetQueue), Optional.of(host),
                Optional.empty(), coreTime, timeout, commandLine);
    }

    /** A service check job. */
    public static CheckJob service(String resultQueue, String targetQueue, String host, String service,
            GmTime coreTime, int timeout, String commandLine) {
        return new CheckJob(JobType.SERVICE, Optional.of(resultQueue), Optional.of(targetQueue), Optional.of(host),
                Optional.of(service), coreTime, timeout, commandLine);
    }
}
