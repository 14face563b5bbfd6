package org.vigil.worker.gearman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our client and worker against a real gearmand: background jobs, priorities, sleep and wake-up, admin counts. */
class ClientWorkerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static Gearmand gearmand;

    @BeforeAll
    static void start() throws Exception {
        gearmand = Gearmand.start();
    }

    @AfterAll
    static void stop() throws Exception {
        gearmand.close();
    }

    @Test
    void backgroundJobsAreGrabbedByteForByteHighPriorityFirst() {
        byte[] binary = {'t', 'y', 'p', 'e', '=', 's', 0, '\n', (byte) 0x80, (byte) 0xff};
        try (GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT);
             GearmanWorker worker = GearmanWorker.connect(gearmand.address(), TIMEOUT)) {
            String low = client.submitBackground("q_prio", "u-low", bytes("low"), JobPriority.LOW);
            String normal = client.submitBackground("q_prio", "u-normal", binary, JobPriority.NORMAL);
            String high = client.submitBackground("q_prio", "u-high", bytes("high"), JobPriority.HIGH);
            assertThat(List.of(low, normal, high)).doesNotHaveDuplicates().allMatch(h -> h.startsWith("H:"));

            worker.canDo("q_prio");
            Job first = worker.grabJob().orElseThrow();
            Job second = worker.grabJob().orElseThrow();
            Job third = worker.grabJob().orElseThrow();

            assertThat(first.handle()).isEqualTo(high);
            assertThat(first.unique()).isEqualTo("u-high");
            assertThat(first.function()).isEqualTo("q_prio");
            assertThat(second.handle()).isEqualTo(normal);
            assertThat(second.data()).containsExactly(binary);
            assertThat(third.handle()).isEqualTo(low);
            assertThat(worker.grabJob()).isEmpty();
            worker.complete(first, bytes("done"));
            worker.complete(second, new byte[0]);
            worker.fail(third);
            worker.cantDo("q_prio");
            client.echo(bytes("still answering"));
        }
    }

    @Test
    void adminStatusShowsQueueDepthRunningJobsAndWorkers() {
        try (GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT);
             GearmanWorker worker = GearmanWorker.connect(gearmand.address(), TIMEOUT);
             GearmanAdmin admin = GearmanAdmin.connect(gearmand.address(), TIMEOUT)) {
            for (int i = 0; i < 5; i++) {
                client.submitBackground("q_depth", bytes("job " + i));
            }
            assertThat(status(admin, "q_depth")).isEqualTo(new FunctionStatus("q_depth", 5, 0, 0));

            worker.setClientId("vigil-test-worker");
            worker.canDo("q_depth");
            worker.canDo("q_other");
            worker.echo(bytes("sync"));
            Job job = worker.grabJob().orElseThrow();
            FunctionStatus running = status(admin, "q_depth");
            assertThat(running).isEqualTo(new FunctionStatus("q_depth", 5, 1, 1));
            assertThat(running.waiting()).isEqualTo(4);
            assertThat(admin.workers())
                    .filteredOn(w -> w.clientId().equals("vigil-test-worker"))
                    .singleElement()
                    .satisfies(w -> {
                        assertThat(w.address()).isEqualTo("127.0.0.1");
                        assertThat(w.fd()).isPositive();
                        assertThat(w.functions()).containsExactlyInAnyOrder("q_depth", "q_other");
                    });

            worker.complete(job, bytes("ok"));
            worker.echo(bytes("sync")); // gearmand has read WORK_COMPLETE before the next admin command
            assertThat(status(admin, "q_depth")).isEqualTo(new FunctionStatus("q_depth", 4, 0, 1));
            for (int i = 0; i < 4; i++) {
                worker.complete(worker.grabJob().orElseThrow(), bytes("ok"));
            }
            assertThat(worker.grabJob()).isEmpty();
            assertThat(status(admin, "q_depth").total()).isZero();
            assertThat(admin.version()).isEqualTo("1.1.20+ds");
        }
    }

    @Test
    void aSleepingWorkerIsWokenByANewJob() throws Exception {
        try (GearmanWorker worker = GearmanWorker.connect(gearmand.address(), TIMEOUT);
             GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT)) {
            worker.canDo("q_wake");
            assertThat(worker.awaitJob(Duration.ofMillis(200))).isEmpty();

            CompletableFuture<Optional<Job>> waiting = CompletableFuture.supplyAsync(
                    () -> worker.awaitJob(Duration.ofSeconds(5)));
            Thread.sleep(200); // the worker has sent PRE_SLEEP and sleeps
            assertThat(waiting).isNotDone();
            client.submitBackground("q_wake", bytes("wake up"));

            Job job = waiting.get(5, TimeUnit.SECONDS).orElseThrow();
            assertThat(new String(job.data(), StandardCharsets.UTF_8)).isEqualTo("wake up");
            worker.complete(job, bytes("ok"));
        }
    }

    @Test
    void severalJobsAreGrabbedInOneGoAndCompletedWithTheNextRequest() throws Exception {
        try (GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT);
             GearmanWorker worker = GearmanWorker.connect(gearmand.address(), TIMEOUT);
             GearmanAdmin admin = GearmanAdmin.connect(gearmand.address(), TIMEOUT)) {
            worker.canDo("batch");
            for (int i = 0; i < 5; i++) {
                client.submitBackground("batch", bytes("job" + i));
            }
            List<Job> jobs = worker.grabJobs(8);
            assertThat(jobs).extracting(j -> new String(j.data(), java.nio.charset.StandardCharsets.UTF_8))
                    .containsExactly("job0", "job1", "job2", "job3", "job4");
            assertThat(status(admin, "batch").running()).isEqualTo(5);
            jobs.forEach(j -> worker.completeLater(j, new byte[0]));
            assertThat(worker.grabJobs(2)).isEmpty();
            assertThat(status(admin, "batch").total()).as("completed with the next request").isZero();
            client.submitBackground("batch", bytes("late"));
            assertThat(worker.sleep(Duration.ofSeconds(3))).as("woken by the new job").isTrue();
            assertThat(worker.grabJobs(1)).hasSize(1);
        }
    }

    private static FunctionStatus status(GearmanAdmin admin, String function) {
        return admin.status().stream().filter(s -> s.function().equals(function)).findFirst().orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
