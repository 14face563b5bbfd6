package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginResult;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.worker.gearman.FunctionStatus;
import org.vigil.worker.gearman.GearmanAdmin;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.ResultPayload;
import org.vigil.worker.payload.SharedKey;
import org.vigil.worker.payload.WorkerResult;

/**
 * The central node's dispatch against a real gearmand and real workers ({@code JobLoop}): every result back to the
 * check that waits for it, orphans, resubmits, and results under another key refused with one clear line.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GearmanDispatchTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static LoadResult config;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        config = TestConfig.load(dir, 20, 100);
    }

    @Test
    void twoThousandServicesAndTheirHostsRunOnTwoWorkersAndEveryResultReachesItsCheck() throws Exception {
        try (Harness h = new Harness(config, s -> s.resultWorkers = 2)) {
            h.startWorkers(2, s(h).key);
            Map<String, CompletableFuture<PluginResult>> checks = new LinkedHashMap<>();
            for (ServiceKey key : config.model().services().keySet()) {
                String name = key.hostName() + "/" + key.description();
                checks.put(name, h.service(key.hostName(), key.description(), Harness.DUMMY + " 1 " + name,
                        Duration.ofSeconds(30)));
            }
            for (String host : config.model().hosts().keySet()) {
                checks.put(host, h.begin(CheckSubject.host(host), Harness.DUMMY + " 0 " + host, Duration.ofSeconds(30)));
            }
            CompletableFuture.allOf(checks.values().toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(checks).hasSize(2020);
            checks.forEach((name, check) -> {
                PluginResult r = check.join();
                boolean host = !name.contains("/");
                assertThat(r.exitCode()).as(name).isEqualTo(host ? 0 : 1);
                assertThat(r.stdout()).as(name).isEqualTo((host ? "OK: " : "WARNING: ") + name);
                assertThat(r.stderr()).isEmpty();
                assertThat(r.timedOut()).isFalse();
                assertThat(r.failure()).isNull();
                assertThat(r.end()).isAfterOrEqualTo(r.start());
            });
            DispatchCounters counters = h.dispatch.counters();
            assertThat(counters.submitted()).isEqualTo(2020);
            assertThat(counters.results()).isEqualTo(2020);
            assertThat(counters.pending()).isZero();
            assertThat(counters.orphaned()).isZero();
            assertThat(counters.ranLocally()).isZero();
            assertThat(counters.resultLatencyMs()).isPositive();
            assertThat(counters.unreachableSince()).isEmpty();
            assertThat(h.log).isEmpty();
        }
    }

    @Test
    void aCheckNoWorkerTakesEndsAsModGearmansOrphanResult() throws Exception {
        try (Harness h = new Harness(config, s -> {
            s.orphanAfter = Duration.ofMillis(300);
            s.orphanReturn = 3;
        })) {
            long started = System.nanoTime();
            CompletableFuture<PluginResult> service = h.service("h1", "svc1", Harness.DUMMY + " 0", Duration.ofSeconds(1));
            CompletableFuture<PluginResult> host = h.begin(CheckSubject.host("h1"), Harness.DUMMY + " 0",
                    Duration.ofSeconds(1));
            assertThat(service).isNotDone();

            PluginResult s = service.get(5, TimeUnit.SECONDS);
            PluginResult o = host.get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1300));
            assertThat(s.exitCode()).isEqualTo(3);
            assertThat(s.stdout()).isEqualTo(
                    "(service check orphaned, is the mod-gearman worker on queue 'service' running?)");
            assertThat(o.exitCode()).isEqualTo(3);
            assertThat(o.stdout()).isEqualTo("(host check orphaned, is the mod-gearman worker on queue 'host' running?)");
            assertThat(h.dispatch.counters().orphaned()).isEqualTo(2);
            assertThat(h.dispatch.counters().pending()).isZero();
        }
    }

    @Test
    void withOrphanChecksOffTheJobIsSubmittedAgainAndItsResultStillCounts() throws Exception {
        try (Harness h = new Harness(config, s -> {
            s.orphanServiceChecks = false;
            s.orphanAfter = Duration.ofMillis(200);
        })) {
            CompletableFuture<PluginResult> check = h.service("h2", "svc3", Harness.DUMMY + " 2 late",
                    Duration.ofSeconds(1));
            Harness.await("a resubmit line", WAIT, () -> !h.lines("submitted again").isEmpty());
            assertThat(h.lines("submitted again").get(0)).isEqualTo("Gearman dispatch: no result for the service "
                    + "check of 'h2' - 'svc3' on queue 'service' in time: submitted again (orphan_service_checks=no)");
            assertThat(check).isNotDone();
            try (GearmanAdmin admin = GearmanAdmin.connect(h.gearmand().address(), WAIT)) {
                assertThat(admin.status()).as("the resubmit merged with the queued job by its unique id")
                        .contains(new FunctionStatus("service", 1, 0, 0));
            }

            h.startWorkers(1, s(h).key);
            PluginResult r = check.get(5, TimeUnit.SECONDS);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stdout()).isEqualTo("CRITICAL: late");
            assertThat(h.dispatch.counters().resubmitted()).isPositive();
            assertThat(h.dispatch.counters().orphaned()).isZero();
        }
    }

    @Test
    void resultsUnderAnotherKeyOrInClearAreRefusedWithOneClearLineAndTheCheckIsOrphaned() throws Exception {
        try (Harness h = new Harness(config, s -> s.orphanAfter = Duration.ofMillis(1500))) {
            CompletableFuture<PluginResult> check = h.service("h3", "svc4", Harness.DUMMY + " 0", Duration.ofSeconds(1));
            WorkerResult forged = new WorkerResult("h3", java.util.Optional.of("svc4"), java.util.Optional.empty(),
                    new GmTime(1_700_000_000L, 0), new GmTime(1_700_000_001L, 0), 0, true, false,
                    java.util.Optional.of("Mod-Gearman Worker @ other"), "OK: forged", false);
            List<String> workloads = new ArrayList<>();
            PayloadCodec otherKey = PayloadCodec.encrypted(SharedKey.fromPassword("not-the-dispatch-key"));
            for (int i = 0; i < 3; i++) {
                workloads.add(otherKey.encode(ResultPayload.encode(forged)));
            }
            workloads.add(PayloadCodec.plain().encode(ResultPayload.encode(forged))); // clear: refused by default
            try (GearmanClient client = GearmanClient.connect(h.gearmand().address(), WAIT)) {
                for (String workload : workloads) {
                    client.submitBackground(DispatchSettings.CHECK_RESULTS, workload.getBytes(StandardCharsets.US_ASCII));
                }
            }
            Harness.await("4 rejected results", WAIT, () -> h.dispatch.counters().rejectedResults() == 4);

            assertThat(h.log).as("one line, the next at most a minute later").hasSize(1);
            assertThat(h.log.get(0)).startsWith("Gearman dispatch: a result on queue 'check_results' cannot be read "
                    + "and was discarded: payload does not decrypt to mod_gearman's key=value text: wrong key")
                    .endsWith("(the worker's key and encryption must match module.conf's key and encryption)");
            assertThat(h.dispatch.counters().lastProblem()).hasValueSatisfying(p -> assertThat(p).contains("key"));
            assertThat(h.dispatch.counters().results()).isZero();
            PluginResult r = check.get(5, TimeUnit.SECONDS);
            assertThat(r.stdout()).as("no forged result taken").startsWith("(service check orphaned");
        }
    }

    @Test
    void twoChecksOfOneServiceInFlightTakeTheirResultsFirstInFirstOut() throws Exception {
        try (Harness h = new Harness(config, s -> { })) {
            CompletableFuture<PluginResult> first = h.service("h4", "svc0", Harness.DUMMY + " 0 first",
                    Duration.ofSeconds(30));
            Harness.await("the first job on gearmand", WAIT, () -> h.dispatch.counters().submitted() == 1);
            h.startWorkers(1, s(h).key);
            assertThat(first.get(5, TimeUnit.SECONDS).stdout()).isEqualTo("OK: first");
            h.stopWorkers();
            CompletableFuture<PluginResult> second = h.service("h4", "svc0", Harness.DUMMY + " 1 second",
                    Duration.ofSeconds(30));
            CompletableFuture<PluginResult> third = h.service("h4", "svc0", Harness.DUMMY + " 2 third",
                    Duration.ofSeconds(30));
            Harness.await("two jobs submitted", WAIT, () -> h.dispatch.counters().submitted() == 3);
            h.startWorkers(1, s(h).key);
            assertThat(second.get(5, TimeUnit.SECONDS).stdout()).as("the older check takes the result")
                    .isEqualTo("WARNING: second");
            Thread.sleep(500);
            assertThat(third).as("gearmand merged the third job into the second (same unique id, as mod_gearman)")
                    .isNotDone();
            assertThat(h.dispatch.counters().pending()).isEqualTo(1);
        }
    }

    private static TestSettings s(Harness h) {
        return h.settings;
    }
}
