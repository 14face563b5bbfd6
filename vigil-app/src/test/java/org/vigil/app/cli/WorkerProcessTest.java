package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.worker.gearman.GearmanAdmin;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.gearman.GearmanWorker;
import org.vigil.worker.gearman.Gearmand;
import org.vigil.worker.gearman.Job;
import org.vigil.worker.payload.CheckJob;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.JobPayload;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.ResultPayload;
import org.vigil.worker.payload.SharedKey;
import org.vigil.worker.payload.WorkerResult;

/**
 * {@code vigil worker} as a real process against a real gearmand (Debian's gearman-job-server): jobs submitted as
 * mod_gearman's core submits them, results read back from {@code check_results} as the core reads them.
 */
class WorkerProcessTest {

    private static final String KEY = "process-test-secret";
    private static final PayloadCodec CODEC = PayloadCodec.encrypted(SharedKey.fromPassword(KEY));
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Gearmand gearmand;

    @TempDir
    Path dir;

    @BeforeAll
    static void startGearmand() throws Exception {
        gearmand = Gearmand.start();
    }

    @AfterAll
    static void stopGearmand() throws Exception {
        gearmand.close();
    }

    @Test
    void runsChecksFromItsQueuesSendsResultsBackRejectsAnotherKeyAndStopsWithStatusZero() throws Exception {
        Process worker = startWorker("--services", "--hostgroups", "web", "--identifier", "wk1");
        try {
            await(() -> log().contains("starting"), worker, "the startup line");
            submit("service", CheckJob.service("check_results", "service", "db1", "Echo", now(), 10,
                    "/bin/echo 'OK - forked fine|t=1'"), CODEC);
            WorkerResult service = nextResult();
            assertThat(service.hostName()).isEqualTo("db1");
            assertThat(service.serviceDescription()).contains("Echo");
            assertThat(service.returnCode()).isZero();
            assertThat(service.output()).isEqualTo("OK - forked fine|t=1");
            assertThat(service.source()).contains("Mod-Gearman Worker @ wk1");

            submit("hostgroup_web", CheckJob.host("check_results", "hostgroup_web", "web1", now(), 10,
                    "/usr/lib/nagios/plugins/check_dummy 1 'built in'"), CODEC);
            WorkerResult host = nextResult();
            assertThat(host.hostName()).isEqualTo("web1");
            assertThat(host.returnCode()).isEqualTo(1);
            assertThat(host.output()).isEqualTo("WARNING: built in");

            PayloadCodec otherKey = PayloadCodec.encrypted(SharedKey.fromPassword("not-the-central-key"));
            submit("service", CheckJob.service("check_results", "service", "db1", "Bad", now(), 10, "/bin/true"),
                    otherKey);
            await(() -> log().contains("Discarded"), worker, "the wrong key's line");
        } finally {
            worker.destroy(); // SIGTERM
            assertThat(worker.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(worker.exitValue()).as(log()).isZero();
        List<String> lines = log().lines().toList();
        assertThat(lines.get(0)).matches("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}]\\[\\d+]\\[INFO ] .*")
                .contains("'wk1'", gearmand.address().toString(), "queues service, hostgroup_web");
        assertThat(lines).filteredOn(l -> l.contains("Discarded")).singleElement().asString()
                .contains("queue 'service'", "the key does not match the central node's");
        assertThat(lines.get(lines.size() - 1)).endsWith("Vigil worker 'wk1' stopped");
        assertThat(log()).doesNotContain(KEY);
    }

    @Test
    void aLostGearmandIsLoggedOnceAndServedAgainWhenBackAndARunningCheckEndsBeforeTheStop() throws Exception {
        Process worker = startWorker("--services", "--min-worker", "2", "--identifier", "wk2");
        try {
            await(() -> workersOn("service") == 2, worker, "two job loops on gearmand");
            int port = gearmand.address().port();
            gearmand.close();
            Thread.sleep(1500); // loops fail to reconnect a few times meanwhile
            gearmand = Gearmand.startOn(port); // the same port: an outage, for the worker
            await(() -> log().contains("is back"), worker, "the end of the outage");
            Path slow = dir.resolve("check_slow");
            Files.writeString(slow, "#!/bin/sh\nsleep 1\necho 'OK - slow but done'\n");
            slow.toFile().setExecutable(true);
            submit("service", CheckJob.service("check_results", "service", "db1", "Slow", now(), 10,
                    slow.toString()), CODEC);
            await(() -> busyOn("service") > 0, worker, "the slow check running");
            worker.destroy(); // SIGTERM while the check runs: it finishes and its result goes out first
            WorkerResult result = nextResult();
            assertThat(result.output()).isEqualTo("OK - slow but done");
        } finally {
            worker.destroy();
            assertThat(worker.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(worker.exitValue()).as(log()).isZero();
        assertThat(log().lines().filter(l -> l.contains("Lost gearmand at " + gearmand.address())))
                .as("one line per outage, not one per loop or retry").hasSize(1);
        assertThat(log().lines().filter(l -> l.contains("is back after"))).hasSize(1);
    }

    @Test
    void growsWhileEveryLoopIsBusyAndShrinksBackWhenIdle() throws Exception {
        Process worker = startWorker("--services", "--min-worker", "1", "--max-worker", "3", "--spawn-rate", "1",
                "--idle-timeout", "1", "--identifier", "wk3");
        try {
            await(() -> workersOn("service") == 1, worker, "one job loop");
            for (int i = 0; i < 6; i++) {
                submit("service", CheckJob.service("check_results", "service", "db1", "Sleep" + i, now(), 10,
                        "/bin/sleep 1"), CODEC);
            }
            await(() -> workersOn("service") == 3, worker, "three loops while every one is busy");
            List<WorkerResult> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(nextResult());
            }
            assertThat(results).extracting(WorkerResult::returnCode).containsOnly(0);
            await(() -> workersOn("service") == 1, worker, "back to min-worker after the idle timeout");
        } finally {
            worker.destroy();
            assertThat(worker.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(worker.exitValue()).as(log()).isZero();
    }

    @Test
    void aBadWorkerConfIsRefusedWithItsFileAndLine() throws Exception {
        Path conf = dir.resolve("worker.conf");
        Files.writeString(conf, "server=" + gearmand.address() + "\n# comment\nservices=maybe\nmax-workers=4\n");
        Process worker = new ProcessBuilder(command("worker", "-c", conf.toString(), "--key-file",
                key().toString())).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(worker.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).isEqualTo(1);
        assertThat(log().lines().toList()).containsExactly(
                conf + ":3: error: services: expected yes/no, on/off, true/false or 1/0, got 'maybe'",
                conf + ":4: error: unknown option 'max-workers'; did you mean 'max-worker'?",
                "vigil worker: not starting: 2 problem(s)");
    }

    private Process startWorker(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("worker", "--server", gearmand.address().toString(),
                "--key-file", key().toString()));
        args.addAll(List.of(options));
        return new ProcessBuilder(command(args.toArray(String[]::new))).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--add-opens", "java.base/java.io=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "org.vigil.app.cli.Vigil"));
        command.addAll(List.of(args));
        return command;
    }

    private Path key() throws IOException {
        Path key = dir.resolve("secret.key");
        if (!Files.exists(key)) {
            Files.writeString(key, KEY + "\n");
        }
        return key;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("out.txt"));
        } catch (IOException e) {
            return "";
        }
    }

    private void await(BooleanSupplier condition, Process worker, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !worker.isAlive()) {
                throw new AssertionError("no " + what + " (worker " + (worker.isAlive() ? "running" : "ended")
                        + "); its log:\n" + log());
            }
            Thread.sleep(50);
        }
    }

    private static void submit(String queue, CheckJob job, PayloadCodec codec) {
        try (GearmanClient client = GearmanClient.connect(gearmand.address(), WAIT)) {
            client.submitBackground(queue, codec.encode(JobPayload.encode(job)).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static WorkerResult nextResult() throws Exception {
        try (GearmanWorker reader = GearmanWorker.connect(gearmand.address(), WAIT)) {
            reader.canDo("check_results");
            Job job = reader.awaitJob(WAIT).orElseThrow(() -> new AssertionError("no result on check_results"));
            reader.complete(job, new byte[0]);
            reader.echo(new byte[] {1});
            return ResultPayload.decode(CODEC.decode(new String(job.data(), StandardCharsets.US_ASCII)));
        }
    }

    /** Connections that registered {@code queue} (one per job loop). */
    private static long workersOn(String queue) {
        try (GearmanAdmin admin = GearmanAdmin.connect(gearmand.address(), WAIT)) {
            return admin.workers().stream().filter(w -> w.functions().contains(queue)).count();
        } catch (RuntimeException e) {
            return -1; // gearmand restarting
        }
    }

    /** Jobs of {@code queue} a worker is running now. */
    private static long busyOn(String queue) {
        try (GearmanAdmin admin = GearmanAdmin.connect(gearmand.address(), WAIT)) {
            return admin.status().stream().filter(s -> s.function().equals(queue)).mapToLong(s -> s.running()).sum();
        }
    }

    private static GmTime now() {
        Instant at = Instant.now();
        return GmTime.ofEpochMicros(at.getEpochSecond() * 1_000_000 + at.getNano() / 1000);
    }
}
