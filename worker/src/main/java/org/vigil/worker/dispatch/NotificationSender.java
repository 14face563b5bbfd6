package org.vigil.worker.dispatch;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.engine.exec.NotificationCommand;
import org.vigil.engine.exec.NotificationDispatch;
import org.vigil.worker.gearman.JobPriority;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.NotificationPayload;

/**
 * Notification commands to workers as mod_gearman's {@code handle_notifications} sends them: with
 * {@code notifications=yes}, when the object's checks leave the central node ({@link QueueRouter}), a
 * {@code notification} job of high priority and no unique id on the {@code notification} queue.
 */
public final class NotificationSender implements NotificationDispatch {

    private final QueueRouter router;
    private final Consumer<QueuedJob> submit;
    private final Clock clock;

    /**
     * @param router the routes of the engine's configuration
     * @param submit puts a job on gearmand; an exception from it means the job was not queued
     * @param clock  the job's {@code core_time}
     */
    public NotificationSender(QueueRouter router, Consumer<QueuedJob> submit, Clock clock) {
        this.router = router;
        this.submit = submit;
        this.clock = clock;
    }

    /** Queues the command when its object's routes send it to a worker; false (run it here) otherwise. */
    @Override
    public boolean send(NotificationCommand command) {
        Optional<String> queue = router.notificationQueueFor(command.subject());
        if (queue.isEmpty()) {
            return false;
        }
        NotificationPayload payload = new NotificationPayload(GmTime.of(command.start()), GmTime.of(clock.instant()),
                command.contact(), command.commandLine(), command.output(), command.longOutput());
        submit.accept(new QueuedJob(queue.get(), Optional.empty(), JobPriority.HIGH, payload.encode()));
        return true;
    }
}
