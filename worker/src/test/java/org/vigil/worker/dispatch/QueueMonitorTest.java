package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.vigil.worker.gearman.FunctionStatus;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.gearman.GearmanWorker;
import org.vigil.worker.gearman.Gearmand;
import org.vigil.worker.gearman.ServerAddress;

/** The queue monitor against real gearmands: queues and workers as gearmand counts them, and servers that go away. */
class QueueMonitorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void showsQueueDepthRunningJobsAndWorkersOfARealGearmand() throws Exception {
        try (Gearmand gearmand = Gearmand.start();
             GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT);
             GearmanWorker worker = GearmanWorker.connect(gearmand.address(), TIMEOUT);
             QueueMonitor monitor = new QueueMonitor(List.of(gearmand.address()), Duration.ofSeconds(5), TIMEOUT,
                     Clock.systemUTC())) {
            for (int i = 0; i < 3; i++) {
                client.submitBackground("service", bytes("job " + i));
            }
            client.submitBackground("hostgroup_web", bytes("host job"));
            worker.setClientId("worker-a");
            worker.canDo("service");
            worker.grabJob().orElseThrow();

            monitor.pollAll();

            QueueSnapshot snapshot = monitor.snapshots().get(0);
            assertThat(snapshot.reachable()).isTrue();
            assertThat(snapshot.server()).isEqualTo(gearmand.address());
            assertThat(snapshot.functions()).contains(new FunctionStatus("service", 3, 1, 1),
                    new FunctionStatus("hostgroup_web", 1, 0, 0));
            assertThat(snapshot.workerConnections()).singleElement()
                    .satisfies(w -> assertThat(w.clientId()).isEqualTo("worker-a"))
                    .satisfies(w -> assertThat(w.functions()).containsExactly("service"));

            GearmanStatus status = GearmanStatus.of(Instant.now(), counters(false), monitor.snapshots());
            assertThat(status.queues()).containsExactly(new QueueRow("hostgroup_web", 1, 1, 0, 0),
                    new QueueRow("service", 3, 2, 1, 1));
            assertThat(status.queueDepth()).isEqualTo(4);
            assertThat(status.jobsWaiting()).isEqualTo(3);
            assertThat(status.jobsRunning()).isEqualTo(1);
            assertThat(status.resultLatencySeconds()).isEqualTo(0.25);
        }
    }

    @Test
    void aServerThatStopsAnsweringShowsUnreachableWithTheReasonAndPollingGoesOn() throws Exception {
        Gearmand gearmand = Gearmand.start();
        ServerAddress server = gearmand.address();
        try (QueueMonitor monitor = new QueueMonitor(List.of(server), Duration.ofMillis(50), TIMEOUT,
                Clock.systemUTC())) {
            assertThat(monitor.snapshots().get(0).problem()).contains(QueueSnapshot.NOT_POLLED);
            monitor.start();
            awaitSnapshot(monitor, QueueSnapshot::reachable);

            gearmand.close();

            QueueSnapshot down = awaitSnapshot(monitor, s -> !s.reachable());
            assertThat(down.problem()).contains("gearman server " + server + " unreachable: Connection refused");
            assertThat(down.functions()).isEmpty();
            Instant first = down.polledAt();
            assertThat(awaitSnapshot(monitor, s -> s.polledAt().isAfter(first)).reachable()).isFalse();
        } finally {
            gearmand.close();
        }
    }

    @Test
    void queuesAreSummedOverTheServersThatAnswerInTheOrderGiven() throws Exception {
        ServerAddress nobody = new ServerAddress("127.0.0.1", freePort());
        try (Gearmand one = Gearmand.start(); Gearmand two = Gearmand.start();
             GearmanClient c1 = GearmanClient.connect(one.address(), TIMEOUT);
             GearmanClient c2 = GearmanClient.connect(two.address(), TIMEOUT);
             QueueMonitor monitor = new QueueMonitor(List.of(nobody, one.address(), two.address()),
                     Duration.ofSeconds(5), TIMEOUT, Clock.systemUTC())) {
            c1.submitBackground("host", bytes("a"));
            c2.submitBackground("host", bytes("b"));
            c2.submitBackground("host", bytes("c"));

            monitor.pollAll();

            List<QueueSnapshot> snapshots = monitor.snapshots();
            assertThat(snapshots).extracting(QueueSnapshot::server)
                    .containsExactly(nobody, one.address(), two.address());
            assertThat(snapshots).extracting(QueueSnapshot::reachable).containsExactly(false, true, true);
            GearmanStatus status = GearmanStatus.of(Instant.now(), counters(true), snapshots);
            assertThat(status.queues()).containsExactly(new QueueRow("host", 3, 3, 0, 0));
            assertThat(status.fallback()).isTrue();
        }
    }

    static DispatchCounters counters(boolean fallback) {
        return new DispatchCounters(10, 8, 1, 0, 2, 0, 1, 250.0,
                fallback ? Optional.of(Instant.parse("2026-12-07T12:00:00Z")) : Optional.empty(), fallback,
                Optional.empty());
    }

    private static QueueSnapshot awaitSnapshot(QueueMonitor monitor, Predicate<QueueSnapshot> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            QueueSnapshot s = monitor.snapshots().get(0);
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no such snapshot within 10 s; last: " + monitor.snapshots());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
