package org.vigil.worker.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.engine.handler.HandlerDispatch;
import org.vigil.worker.gearman.JobPriority;
import org.vigil.worker.payload.CheckJob;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.JobPayload;
import org.vigil.worker.payload.JobType;

/**
 * Event handlers to workers as mod_gearman's {@code handle_eventhandler} sends them: routed by {@link QueueRouter}
 * (none when the object's checks run here), an {@code eventhandler} job of normal priority and no unique id, its text
 * {@code type=eventhandler}, {@code start_time} and {@code core_time} both now, and the expanded {@code command_line}.
 * The job carries no timeout: the worker applies its own {@code job_timeout}, as with mod_gearman.
 */
public final class HandlerSender implements HandlerDispatch {

    private final QueueRouter router;
    private final Consumer<QueuedJob> submit;
    private final Clock clock;

    /**
     * @param router the routes of the engine's configuration
     * @param submit puts a job on gearmand; an exception from it means the job was not queued
     * @param clock  the time written into the job
     */
    public HandlerSender(QueueRouter router, Consumer<QueuedJob> submit, Clock clock) {
        this.router = router;
        this.submit = submit;
        this.clock = clock;
    }

    /** Queues the handler when its object's routes send it to a worker; false (run it here) otherwise. */
    @Override
    public boolean send(CheckSubject subject, String commandLine, Duration timeout) {
        Optional<String> queue = router.eventHandlerQueueFor(subject);
        if (queue.isEmpty()) {
            return false;
        }
        submit.accept(new QueuedJob(queue.get(), Optional.empty(), JobPriority.NORMAL,
                JobPayload.encode(job(commandLine))));
        return true;
    }

    /** The eventhandler job of {@code commandLine}, stamped now. */
    CheckJob job(String commandLine) {
        GmTime time = GmTime.of(clock.instant());
        // a newline would end the payload's command_line early: written \n, as mod_gearman does for notifications
        return new CheckJob(JobType.EVENTHANDLER, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), time, 0, commandLine.replace("\n", "\\n"));
    }
}
