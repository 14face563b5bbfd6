package org.vigil.worker.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vigil.worker.gearman.FunctionStatus;
import org.vigil.worker.gearman.ServerAddress;
import org.vigil.worker.gearman.WorkerStatus;

/**
 * What one gearmand said at its last poll: its queues (admin {@code status}) and connections (admin {@code workers}),
 * or why it did not answer.
 *
 * @param server    the gearmand polled
 * @param polledAt  when the poll ended (for a server not polled yet: when the monitor started)
 * @param problem   why the server did not answer (one sentence), empty when it did
 * @param functions its queues, empty when it did not answer
 * @param workers   its connections (workers, clients, admin connections), empty when it did not answer
 */
public record QueueSnapshot(ServerAddress server, Instant polledAt, Optional<String> problem,
        List<FunctionStatus> functions, List<WorkerStatus> workers) {

    /** The text of a server the monitor has not polled yet. */
    public static final String NOT_POLLED = "not polled yet";

    public QueueSnapshot {
        functions = List.copyOf(functions);
        workers = List.copyOf(workers);
    }

    /** A server that answered with these queues and connections. */
    public static QueueSnapshot answered(ServerAddress server, Instant at, List<FunctionStatus> functions,
                                         List<WorkerStatus> workers) {
        return new QueueSnapshot(server, at, Optional.empty(), functions, workers);
    }

    /** A server that did not answer, and why. */
    public static QueueSnapshot unreachable(ServerAddress server, Instant at, String problem) {
        return new QueueSnapshot(server, at, Optional.of(problem), List.of(), List.of());
    }

    /** Whether the server answered at its last poll. */
    public boolean reachable() {
        return problem.isEmpty();
    }

    /** Connections that registered at least one function: the workers (clients and admin connections left out). */
    public List<WorkerStatus> workerConnections() {
        return workers.stream().filter(w -> !w.functions().isEmpty()).toList();
    }
}
