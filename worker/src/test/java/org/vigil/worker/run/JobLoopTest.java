package org.vigil.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.worker.gearman.GearmanAdmin;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.gearman.GearmanWorker;
import org.vigil.worker.gearman.Gearmand;
import org.vigil.worker.gearman.Job;
import org.vigil.worker.payload.CheckJob;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.JobPayload;
import org.vigil.worker.payload.JobType;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.ResultPayload;
import org.vigil.worker.payload.SharedKey;
import org.vigil.worker.payload.WorkerResult;

/** The job loop against a real gearmand: jobs in on service, host and hostgroup queues, results out on check_results. */
class JobLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final PayloadCodec CODEC = PayloadCodec.encrypted(SharedKey.fromPassword("loop-secret"));
    private static final String DUMMY = "/usr/lib/nagios/plugins/check_dummy 2 \"boom\"";
    private static Gearmand gearmand;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private JobLoop loop;
    private Thread thread;

    @BeforeAll
    static void startGearmand() throws Exception {
        gearmand = Gearmand.start();
    }

    @AfterAll
    static void stopGearmand() throws Exception {
        gearmand.close();
    }

    @AfterEach
    void stopLoop() throws InterruptedException {
        loop.stop();
        thread.join(3000);
        assertThat(thread.isAlive()).as("loop ended after stop()").isFalse();
    }

    @Test
    void runsServiceAndHostChecksBuiltInAndForkedAndSendsResultsBack() throws Exception {
        start(List.of("service", "host", "hostgroup_web"), BuiltinSwitches.ON);
        submit("service", CheckJob.service("check_results", "service", "web1", "HTTP", now(), 10, DUMMY));
        submit("hostgroup_web", CheckJob.host("check_results", "hostgroup_web", "web1", now(), 10, DUMMY));
        WorkerResult service = nextResult("check_results");
        WorkerResult host = nextResult("check_results");
        if (service.serviceDescription().isEmpty()) {
            WorkerResult swap = service;
            service = host;
            host = swap;
        }
        assertThat(service.hostName()).isEqualTo("web1");
        assertThat(service.serviceDescription()).contains("HTTP");
        assertThat(service.returnCode()).isEqualTo(2);
        assertThat(service.output()).isEqualTo("CRITICAL: boom");
        assertThat(service.exitedOk()).isTrue();
        assertThat(service.earlyTimeout()).isFalse();
        assertThat(service.source()).contains("Mod-Gearman Worker @ test-worker");
        assertThat(host.serviceDescription()).isEmpty();
        assertThat(host.returnCode()).isEqualTo(2);
        assertThat(host.output()).isEqualTo("CRITICAL: boom");
        assertThat(host.finishTime().seconds()).isGreaterThanOrEqualTo(host.startTime().seconds());
    }

    @Test
    void forkedPluginGivesTheSameResultOnACustomResultQueue() throws Exception {
        start(List.of("host"), new BuiltinSwitches(true, Set.of("check_dummy")));
        submit("host", CheckJob.host("results_b", "host", "db1", now(), 10, DUMMY));
        WorkerResult host = nextResult("results_b");
        assertThat(host.hostName()).isEqualTo("db1");
        assertThat(host.returnCode()).isEqualTo(2);
        assertThat(host.output()).isEqualTo("CRITICAL: boom");
    }

    @Test
    void aPluginPastTheTimeoutGivesModGearmansTimeoutResult(@TempDir Path dir) throws Exception {
        Path sleeper = dir.resolve("check_sleep");
        Files.writeString(sleeper, "#!/bin/sh\nsleep 10\necho OK\n");
        Files.setPosixFilePermissions(sleeper, PosixFilePermissions.fromString("rwxr-xr-x"));
        start(List.of("service"), BuiltinSwitches.ON);
        long started = System.nanoTime();
        submit("service", CheckJob.service("check_results", "service", "web1", "Slow", now(), 1, sleeper.toString()));
        WorkerResult result = nextResult("check_results");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.earlyTimeout()).isTrue();
        assertThat(result.returnCode()).isEqualTo(2);
        assertThat(result.output()).isEqualTo("(Service Check Timed Out On Worker: test-worker)");
    }

    @Test
    void aJobUnderAnotherKeyIsFailedAndLoggedAndTheLoopKeepsServing() throws Exception {
        start(List.of("service"), BuiltinSwitches.ON);
        PayloadCodec otherKey = PayloadCodec.encrypted(SharedKey.fromPassword("another-secret"));
        try (GearmanClient client = GearmanClient.connect(gearmand.address(), WAIT)) {
            client.submitBackground("service", otherKey.encode(JobPayload.encode(
                    CheckJob.service("check_results", "service", "web1", "Bad", now(), 10, DUMMY)))
                    .getBytes(StandardCharsets.US_ASCII));
        }
        submit("service", CheckJob.service("check_results", "service", "web1", "Good", now(), 10, DUMMY));
        WorkerResult good = nextResult("check_results");
        assertThat(good.serviceDescription()).contains("Good");
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).startsWith("Discarded a job on queue 'service'")
                .contains("the key does not match the central node's", "wrong key");
        assertThat(thread.isAlive()).isTrue();
        assertThat(jobsLeftOn("service")).as("the failed job is gone, not requeued; the good one completed")
                .isZero();
    }

    @Test
    void anEventHandlerJobRunsItsCommandAndSendsNoResult(@TempDir Path dir) throws Exception {
        Path mark = dir.resolve("handled");
        start(List.of("eventhandler"), BuiltinSwitches.ON);
        submit("eventhandler", new CheckJob(JobType.EVENTHANDLER, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), now(), 0, "/usr/bin/touch " + mark));
        assertThat(jobsLeftOn("eventhandler")).isZero();
        assertThat(mark).exists();
        assertThat(log).isEmpty();
    }

    private void start(List<String> queues, BuiltinSwitches builtins) {
        loop = new JobLoop(gearmand.address(), queues, CODEC, PluginRunners.create(RunnerOptions.defaults()), builtins,
                "test-worker", Duration.ofSeconds(60), log::add);
        thread = new Thread(loop, "job-loop");
        thread.start();
    }

    private static void submit(String queue, CheckJob job) {
        try (GearmanClient client = GearmanClient.connect(gearmand.address(), WAIT)) {
            client.submitBackground(queue, CODEC.encode(JobPayload.encode(job)).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static WorkerResult nextResult(String queue) throws Exception {
        try (GearmanWorker reader = GearmanWorker.connect(gearmand.address(), WAIT)) {
            reader.canDo(queue);
            Job job = reader.awaitJob(WAIT).orElseThrow(() -> new AssertionError("no result on " + queue));
            reader.complete(job, new byte[0]);
            reader.echo(new byte[] {1});
            return ResultPayload.decode(CODEC.decode(new String(job.data(), StandardCharsets.US_ASCII)));
        }
    }

    /** Jobs queued or running on {@code queue}, once it drops to 0 or after 3 s (WORK_COMPLETE follows the result). */
    private static long jobsLeftOn(String queue) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        try (GearmanAdmin admin = GearmanAdmin.connect(gearmand.address(), WAIT)) {
            while (true) {
                long left = admin.status().stream().filter(s -> s.function().equals(queue))
                        .mapToLong(s -> s.total()).sum();
                if (left == 0 || System.nanoTime() > deadline) {
                    return left;
                }
                Thread.sleep(20);
            }
        }
    }

    private static GmTime now() {
        Instant at = Instant.now();
        return GmTime.ofEpochMicros(at.getEpochSecond() * 1_000_000 + at.getNano() / 1000);
    }
}
