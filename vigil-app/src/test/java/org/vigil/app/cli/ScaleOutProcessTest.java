package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.worker.gearman.FunctionStatus;
import org.vigil.worker.gearman.GearmanAdmin;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.ResultPayload;
import org.vigil.worker.payload.SharedKey;
import org.vigil.worker.payload.WorkerResult;

/**
 * Scale-out through a real gearmand (Debian's gearman-job-server), every part a real process: {@code vigil run}
 * sending its checks as mod_gearman does, {@code vigil worker}s running them. Every result arrives at its own object;
 * a worker killed mid-run loses no check; gearmand stopped and restarted mid-run is survived (the local fallback in
 * between); a wrong key is refused on both sides with a clear line; hostgroup queues take only their hosts.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ScaleOutProcessTest {

    private static final Pattern FROM_WORKER = Pattern.compile("OK on w[12] (h\\d+/s\\d+)");

    @TempDir
    java.nio.file.Path dir;

    @Test
    void twoWorkersRun2000ServicesAndSurviveAKilledWorkerAndARestartedGearmand() throws Exception {
        try (ScaleOutCluster cluster = new ScaleOutCluster(dir)) {
            cluster.configure(20, 100, 10, List.of(), "local_fallback_after: 3\n");
            cluster.startWorker("w1", ScaleOutCluster.KEY, Map.of(), "--services", "--hosts", "--min-worker", "10");
            // w2's checks take half a second: when it is killed, it holds jobs it has not answered
            cluster.startWorker("w2", ScaleOutCluster.KEY, Map.of("VIGIL_TEST_SLEEP", "0.5"), "--services", "--hosts",
                    "--min-worker", "10");
            cluster.startCentral();

            // 2,000 services, every result from a worker and at its own object
            Map<String, Map<String, String>> first = cluster.awaitServices(2000, "2,000 services checked by workers",
                    Duration.ofSeconds(60), s -> FROM_WORKER.matcher(s.get("plugin_output")).matches());
            first.forEach((name, s) -> {
                var m = FROM_WORKER.matcher(s.get("plugin_output"));
                assertThat(m.matches()).isTrue();
                assertThat(m.group(1)).as("the result of " + name).isEqualTo(name);
                assertThat(s.get("current_state")).isEqualTo("0");
            });
            assertThat(first.values()).extracting(s -> s.get("plugin_output").substring(6, 8))
                    .as("both workers ran checks").contains("w1", "w2");
            JsonNode counts = cluster.api("/api/v1/gearman").get("counts");
            assertThat(counts.get("orphaned").asLong()).isZero();
            assertThat(counts.get("ran_locally").asLong()).isZero();
            assertThat(counts.get("results").asLong()).isGreaterThanOrEqualTo(2000);

            // w2 killed while it runs checks: gearmand gives its jobs to w1, no check is lost or orphaned
            ScaleOutCluster.await("checks running on w2", Duration.ofSeconds(20), () -> running(cluster) >= 3);
            long killedAt = System.currentTimeMillis() / 1000;
            cluster.worker("w2").destroyForcibly().waitFor();
            cluster.awaitServices(2000, "every service checked again after w2 was killed", Duration.ofSeconds(60),
                    s -> Long.parseLong(s.get("last_check")) > killedAt + 1
                            && s.get("plugin_output").startsWith("OK on w1 "));
            assertThat(cluster.api("/api/v1/gearman").get("counts").get("orphaned").asLong()).isZero();

            // gearmand gone: after local_fallback_after the central node runs the checks itself and says so
            cluster.gearmand.close();
            long stoppedAt = System.currentTimeMillis() / 1000;
            ScaleOutCluster.await("the fallback line in nagios.log", Duration.ofSeconds(30),
                    () -> cluster.read("nagios.log").contains("checks run on this machine until gearmand answers"));
            assertThat(cluster.api("/api/v1/gearman").get("fallback").asBoolean()).isTrue();
            assertThat(cluster.page("/")).contains("checks run on this machine");
            cluster.awaitServices(2000, "every service checked on the central node", Duration.ofSeconds(60),
                    s -> Long.parseLong(s.get("last_check")) > stoppedAt
                            && s.get("plugin_output").matches("OK on central h\\d+/s\\d+|\\(service check orphaned, "
                            + "is the mod-gearman worker on queue 'service' running\\?\\)"));

            // gearmand back: the central node and the surviving worker reconnect, checks go to the worker again
            cluster.gearmand = org.vigil.worker.gearman.Gearmand.startOn(cluster.gearmand.address().port());
            ScaleOutCluster.await("the line saying checks go to the workers again", Duration.ofSeconds(30),
                    () -> cluster.read("nagios.log").contains("checks go to the workers again"));
            long backAt = System.currentTimeMillis() / 1000;
            cluster.awaitServices(2000, "every service checked by w1 after gearmand's restart", Duration.ofSeconds(60),
                    s -> Long.parseLong(s.get("last_check")) > backAt + 1
                            && s.get("plugin_output").startsWith("OK on w1 "));
            assertThat(cluster.read("w1.out")).contains("Lost gearmand at", "is back after");
            assertThat(cluster.api("/api/v1/gearman").get("fallback").asBoolean()).isFalse();
        }
    }

    /** Jobs of the {@code service} queue a worker runs now (gearmand's admin status). */
    private static long running(ScaleOutCluster cluster) {
        try (GearmanAdmin admin = GearmanAdmin.connect(cluster.gearmand.address(), Duration.ofSeconds(5))) {
            return admin.status().stream().filter(s -> s.function().equals("service"))
                    .mapToLong(FunctionStatus::running).sum();
        }
    }

    @Test
    void aWrongKeyIsRefusedWithAClearLineOnBothSidesAndTheCheckEndsOrphaned() throws Exception {
        try (ScaleOutCluster cluster = new ScaleOutCluster(dir)) {
            cluster.configure(1, 2, 4, List.of(), "orphan_after: 1\n");
            cluster.startWorker("w1", "not-the-central-key", Map.of(), "--services", "--hosts");
            cluster.startCentral();

            // the worker cannot read the central node's jobs: it says so, and the checks end as orphans
            Map<String, Map<String, String>> services = cluster.awaitServices(2, "orphan results",
                    Duration.ofSeconds(40), s -> s.get("plugin_output").startsWith("(service check orphaned"));
            assertThat(services.get("h0/s0").get("plugin_output"))
                    .isEqualTo("(service check orphaned, is the mod-gearman worker on queue 'service' running?)");
            assertThat(services.get("h0/s0").get("current_state")).isEqualTo("2");
            assertThat(cluster.read("w1.out")).contains("Discarded a job on queue 'service'",
                    "the key does not match the central node's");

            // a result under another key is refused by the central node, with one line naming the queue
            PayloadCodec other = PayloadCodec.encrypted(SharedKey.fromPassword("not-the-central-key"));
            GmTime now = GmTime.ofEpochMicros(System.currentTimeMillis() * 1000);
            WorkerResult forged = new WorkerResult("h0", java.util.Optional.of("s0"), java.util.Optional.of(now), now,
                    now, 0, true, false, java.util.Optional.of("Mod-Gearman Worker @ intruder"), "OK forged", false);
            try (GearmanClient client = GearmanClient.connect(cluster.gearmand.address(), Duration.ofSeconds(5))) {
                client.submitBackground("check_results",
                        other.encode(ResultPayload.encode(forged)).getBytes(StandardCharsets.US_ASCII));
            }
            ScaleOutCluster.await("the central node's line on the unreadable result", Duration.ofSeconds(20),
                    () -> cluster.read("nagios.log").contains("check_results"));
            assertThat(cluster.read("nagios.log").lines().filter(l -> l.contains("check_results")).findFirst()
                    .orElseThrow()).containsIgnoringCase("key");
            assertThat(cluster.read("status.dat")).doesNotContain("OK forged");
            assertThat(cluster.api("/api/v1/gearman").get("counts").get("rejected_results").asLong()).isPositive();
        }
    }

    @Test
    void hostgroupQueuesTakeOnlyTheirHostsAndTheRestRunsHere() throws Exception {
        try (ScaleOutCluster cluster = new ScaleOutCluster(dir)) {
            cluster.configure(4, 3, 4, List.of("h0", "h2"), "hostgroups: [web]\nservices: false\nhosts: false\n");
            cluster.startWorker("web-worker", ScaleOutCluster.KEY, Map.of(), "--hostgroups", "web");
            cluster.startWorker("general", ScaleOutCluster.KEY, Map.of(), "--services", "--hosts");
            cluster.startCentral();

            Map<String, Map<String, String>> services = cluster.awaitServices(12, "12 services checked",
                    Duration.ofSeconds(60), s -> s.get("plugin_output").startsWith("OK on "));
            services.forEach((name, s) -> {
                boolean web = name.startsWith("h0/") || name.startsWith("h2/");
                assertThat(s.get("plugin_output")).as(name)
                        .isEqualTo("OK on " + (web ? "web-worker " : "central ") + name);
            });
            assertThat(cluster.read("central.out"))
                    .contains("Checks go to gearmand at " + cluster.gearmand.address() + ": queues hostgroup_web");
        }
    }
}
