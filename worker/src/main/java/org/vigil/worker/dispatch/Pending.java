package org.vigil.worker.dispatch;

import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginResult;
import org.vigil.worker.payload.CheckJob;

/**
 * One check sent to gearmand and waiting for its result: its job, when it was begun, until when it waits, and the
 * future the engine waits on (completed once: by its result, its orphan result, or a failure to encode it).
 */
final class Pending {

    /** Earliest deadline first; begun order breaks ties. */
    static final Comparator<Pending> BY_DEADLINE = Comparator.comparing((Pending p) -> p.deadline)
            .thenComparingLong(p -> p.sequence);

    private final long sequence;
    private final CheckSubject subject;
    private final String queue;
    private final CheckJob job;
    private final Instant begun;
    private final CompletableFuture<PluginResult> result = new CompletableFuture<>();
    /** Set while the job sits in the submitter's queue or batch, so a resubmit does not queue it twice. */
    private final AtomicBoolean toSubmit = new AtomicBoolean();
    /** Taken by the first of result, orphan sweep, close or encoding failure to end the check. */
    private final AtomicBoolean ending = new AtomicBoolean();
    /** Changed only by {@link Waiting}, under its lock, while the check is out of its deadline order. */
    private Instant deadline;
    /** The payload as it goes on the queue, made once by the submitter (it is the same on a resubmit). */
    private volatile byte[] workload;

    Pending(long sequence, CheckSubject subject, String queue, CheckJob job, Instant begun, Instant deadline) {
        this.sequence = sequence;
        this.subject = subject;
        this.queue = queue;
        this.job = job;
        this.begun = begun;
        this.deadline = deadline;
    }

    /** The key results are matched on: the host, or the host and the service. */
    static String key(String host, java.util.Optional<String> service) {
        return service.map(s -> "S\0" + host + "\0" + s).orElse("H\0" + host);
    }

    String key() {
        return key(subject.hostName(), subject.serviceDescription());
    }

    CheckSubject subject() {
        return subject;
    }

    String queue() {
        return queue;
    }

    CheckJob job() {
        return job;
    }

    Instant begun() {
        return begun;
    }

    Instant deadline() {
        return deadline;
    }

    void deadline(Instant deadline) {
        this.deadline = deadline;
    }

    CompletableFuture<PluginResult> result() {
        return result;
    }

    boolean isDone() {
        return ending.get();
    }

    /**
     * Takes the right to end the check: true for the first caller only, who counts what ended it and then
     * {@link #end}s it, so counters already show the end when the engine sees it.
     */
    boolean claim() {
        return ending.compareAndSet(false, true);
    }

    /** Gives the engine the check's result; after {@link #claim}. */
    void end(PluginResult outcome) {
        result.complete(outcome);
    }

    /** Marks the check as queued for submission: false when it already is. */
    boolean queueForSubmit() {
        return toSubmit.compareAndSet(false, true);
    }

    /** The job is on gearmand (or dropped): a later resubmit may queue it again. */
    void submitted() {
        toSubmit.set(false);
    }

    byte[] workload() {
        return workload;
    }

    void workload(byte[] bytes) {
        this.workload = bytes;
    }

    /** Describes the check in a log line: {@code service check of 'web1' - 'HTTP'}. */
    String describe() {
        return subject.serviceDescription().map(s -> "service check of '" + subject.hostName() + "' - '" + s + "'")
                .orElse("host check of '" + subject.hostName() + "'");
    }
}
