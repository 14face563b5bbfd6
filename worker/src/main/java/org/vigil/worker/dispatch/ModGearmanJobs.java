package org.vigil.worker.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginResult;
import org.vigil.worker.gearman.JobPriority;
import org.vigil.worker.payload.CheckJob;
import org.vigil.worker.payload.GmTime;

/**
 * What mod_gearman 5's NEB module puts on a queue for a check and what it makes of a check without a result
 * ({@code handle_host_check}, {@code handle_svc_check} in {@code neb_module_naemon/mod_gearman.c}): the job, its
 * unique id, its priority, and the orphan result.
 */
final class ModGearmanJobs {

    /** {@code make_uniq} formats into a buffer of {@code GM_SMALLBUFSIZE} (1024) bytes: at most 1023 are hashed. */
    private static final int UNIQ_TEXT_MAX = 1023;

    private ModGearmanJobs() {
    }

    /** The check job: its result queue, its target queue, planned now, with the check's timeout in whole seconds. */
    static CheckJob job(CheckSubject subject, String resultQueue, String queue, Instant planned, Duration timeout,
            String commandLine) {
        GmTime coreTime = GmTime.ofEpochMicros(planned.getEpochSecond() * 1_000_000 + planned.getNano() / 1000);
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
        return subject.serviceDescription()
                .map(s -> CheckJob.service(resultQueue, queue, subject.hostName(), s, coreTime, seconds, commandLine))
                .orElseGet(() -> CheckJob.host(resultQueue, queue, subject.hostName(), coreTime, seconds,
                        commandLine));
    }

    /**
     * The unique id as {@code make_uniq} makes it: the MD5 of {@code HOST} (host checks) or {@code HOST-SERVICE}
     * (service checks), cut to 1023 bytes first, in upper-case hex ({@code mod_gm_hexsum}); gearmand merges a job
     * with one of the same id still on the queue.
     */
    static String uniqueId(CheckSubject subject) {
        String text = subject.serviceDescription().map(s -> subject.hostName() + "-" + s).orElse(subject.hostName());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().withUpperCase().formatHex(
                    md5.digest(Arrays.copyOf(bytes, Math.min(bytes.length, UNIQ_TEXT_MAX))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is in every Java runtime", e);
        }
    }

    /**
     * Host checks at normal priority, service checks at low: mod_gearman raises a service check to high only when the
     * core forces it ({@code CHECK_OPTION_FORCE_EXECUTION}), which Vigil's runner is not told.
     */
    static JobPriority priority(CheckSubject subject) {
        return subject.isHost() ? JobPriority.NORMAL : JobPriority.LOW;
    }

    /** mod_gearman's orphan text, naming the queue no worker answered on. */
    static String orphanText(CheckSubject subject, String queue) {
        return "(" + (subject.isHost() ? "host" : "service") + " check orphaned, is the mod-gearman worker on queue '"
                + queue + "' running?)";
    }

    /** The orphan result: {@code orphan_return} and the orphan text, started and finished now. */
    static PluginResult orphan(CheckSubject subject, String queue, int orphanReturn, Instant now) {
        return new PluginResult(orphanReturn, orphanText(subject, queue), "", now, now, false, false, null);
    }
}
