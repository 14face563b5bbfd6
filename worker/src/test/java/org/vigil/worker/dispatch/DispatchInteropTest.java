package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.config.LoadResult;
import org.vigil.worker.gearman.GearmanWorker;
import org.vigil.worker.gearman.Job;

/**
 * What the dispatch puts on gearmand, read by Debian's {@code gearman} tool acting as a worker: an unencrypted job's
 * text exactly as mod_gearman 5's {@code handle_svc_check} writes it, and its unique id as {@code make_uniq} makes it.
 */
class DispatchInteropTest {

    private static final Instant PLANNED = Instant.ofEpochSecond(1_700_000_000L, 250_000_000);
    /** handle_svc_check's format filled in by hand (the same text as ModGearmanPayloadInteropTest's). */
    private static final String JOB_TEXT = "type=service\nresult_queue=check_results\ntarget_queue=service\n"
            + "host_name=web1\nservice_description=HTTP\ncore_time=1700000000.250000\ntimeout=60\n"
            + "command_line=/usr/lib/nagios/plugins/check_http -H web1\n\n\n";

    @TempDir
    Path dir;

    @Test
    void theToolAsAWorkerOnServiceReceivesTheDispatchedJobAsModGearmanSendsIt() throws Exception {
        LoadResult config = TestConfig.load(dir, 1, 1, TestConfig.hostWithService("web1", "HTTP"));
        try (Harness h = new Harness(config, s -> {
            s.encryption = false;
            s.key = null;
        }, Clock.fixed(PLANNED, ZoneOffset.UTC))) {
            h.service("web1", "HTTP", "/usr/lib/nagios/plugins/check_http -H web1", Duration.ofSeconds(60));
            Harness.await("the job on gearmand", Duration.ofSeconds(5), () -> h.dispatch.counters().submitted() == 1);

            Path received = dir.resolve("received");
            Process worker = new ProcessBuilder(List.of("/usr/bin/gearman", "-h", "127.0.0.1", "-p",
                    String.valueOf(h.gearmand().address().port()), "-w", "-f", "service", "-c", "1", "--", "sh", "-c",
                    "cat > \"$0\"", received.toString())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(worker.waitFor(5, TimeUnit.SECONDS)).as("gearman -w took its job and exited").isTrue();
            assertThat(worker.exitValue()).isZero();
            assertThat(new String(Base64.getDecoder().decode(Files.readAllBytes(received)), StandardCharsets.UTF_8))
                    .isEqualTo(JOB_TEXT);
        }
    }

    @Test
    void aHostJobCarriesMakeUniqsIdOnTheHostQueue() throws Exception {
        LoadResult config = TestConfig.load(dir, 1, 1, TestConfig.hostWithService("test - test", "svc"));
        try (Harness h = new Harness(config, s -> { })) {
            h.begin(CheckSubject.host("test - test"), "/bin/true", Duration.ofSeconds(10));
            try (GearmanWorker worker = GearmanWorker.connect(h.gearmand().address(), Duration.ofSeconds(3))) {
                worker.canDo("host");
                Job job = worker.awaitJob(Duration.ofSeconds(5)).orElseThrow();
                assertThat(job.function()).isEqualTo("host");
                assertThat(job.unique()).as("mod_gearman's t/01-utils.c vector").isEqualTo(
                        "3A9E4A6A2E66AF990948D81E004B3AC0");
                worker.complete(job, new byte[0]);
            }
        }
    }
}
