package org.vigil.worker.gearman;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.worker.payload.CheckJob;
import org.vigil.worker.payload.GmTime;
import org.vigil.worker.payload.JobPayload;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.ResultPayload;
import org.vigil.worker.payload.SharedKey;
import org.vigil.worker.payload.WorkerResult;

/**
 * mod_gearman's payloads through a real gearmand with Debian's {@code gearman} tool on the other side: the tool,
 * acting as a worker on queue {@code service}, receives an unencrypted job as mod_gearman 5's NEB module would send
 * it; a result the tool submits on {@code check_results}, encrypted as a mod_gearman worker would (vector derived
 * with OpenSSL, see ResultPayloadTest), is read back by our worker.
 */
class ModGearmanPayloadInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** handle_svc_check's format filled in by hand (see JobPayloadTest). */
    private static final String JOB_TEXT = "type=service\nresult_queue=check_results\ntarget_queue=service\n"
            + "host_name=web1\nservice_description=HTTP\ncore_time=1700000000.250000\ntimeout=60\n"
            + "command_line=/usr/lib/nagios/plugins/check_http -H web1\n\n\n";
    /** ResultPayloadTest's result, encrypted with "should_be_changed" by openssl enc -aes-256-ecb -nopad. */
    private static final String RESULT_ENCRYPTED = "344QsCmtsBrsIrRDJiq/mlfNNnSiku6bNXrLKAwMeTQZ2LV1As/KCalaiAodoB"
            + "Zm+bfn+OUrgz/IXZEnPeOfLbdTsxtCsxkiQdc9BwjRnRkJ970I6AxEI7o9H3y1c5fPef37KU7OS6RL6gR/BKPTlbEH7SaJc88RY92SV"
            + "VSMvvCUvg7E7wzICV7+dbfF3srRrBn6B4XTeVdE2BhbHn7nLRxqoJcBdxvYKVF3i5FO2oaotFuWupyDmtr1sSV4zxjqZ2vqia/s31wJ"
            + "XkhgRhmdD1Ru+mCRpIInrWPmn+9HQEDwzJ2Nrdt19/2WCzN81qXgOkyOWzrK3dWabbkl3rc4cA==";
    private static Gearmand gearmand;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        gearmand = Gearmand.start();
    }

    @AfterAll
    static void stop() throws Exception {
        gearmand.close();
    }

    @Test
    void theToolAsAWorkerOnServiceReceivesTheUnencryptedJobAsModGearmanSendsIt() throws Exception {
        CheckJob job = CheckJob.service("check_results", "service", "web1", "HTTP",
                new GmTime(1_700_000_000L, 250_000), 60, "/usr/lib/nagios/plugins/check_http -H web1");
        String workload = PayloadCodec.plain().encode(JobPayload.encode(job));
        try (GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT)) {
            client.submitBackground("service", "", workload.getBytes(StandardCharsets.US_ASCII), JobPriority.NORMAL);
        }
        Path received = dir.resolve("received");
        Process worker = tool(List.of("-w", "-f", "service", "-c", "1", "--", "sh", "-c", "cat > \"$0\"",
                received.toString())).start();
        assertThat(worker.waitFor(5, TimeUnit.SECONDS)).as("gearman -w took its job and exited").isTrue();
        assertThat(worker.exitValue()).isZero();

        byte[] bytes = Files.readAllBytes(received);
        assertThat(new String(Base64.getDecoder().decode(bytes), StandardCharsets.UTF_8)).isEqualTo(JOB_TEXT);
    }

    @Test
    void anEncryptedResultTheToolSubmitsIsReadByOurWorker() throws Exception {
        Process client = tool(List.of("-b", "-f", "check_results")).start();
        try (OutputStream stdin = client.getOutputStream()) {
            stdin.write(RESULT_ENCRYPTED.getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(client.waitFor(5, TimeUnit.SECONDS)).as("gearman -b submitted and exited").isTrue();
        assertThat(client.exitValue()).isZero();

        try (GearmanWorker worker = GearmanWorker.connect(gearmand.address(), TIMEOUT)) {
            worker.canDo("check_results");
            Job job = worker.awaitJob(Duration.ofSeconds(3)).orElseThrow();
            PayloadCodec codec = PayloadCodec.encrypted(SharedKey.fromPassword("should_be_changed"));
            WorkerResult result = ResultPayload.decode(codec.decode(new String(job.data(), StandardCharsets.US_ASCII)));
            worker.complete(job, new byte[0]);
            assertThat(result.hostName()).isEqualTo("web1");
            assertThat(result.serviceDescription()).contains("HTTP");
            assertThat(result.returnCode()).isEqualTo(2);
            assertThat(result.output()).isEqualTo("CRITICAL - down\nsecond line|time=0.1s");
        }
    }

    private static ProcessBuilder tool(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/gearman", "-h", "127.0.0.1",
                "-p", String.valueOf(gearmand.address().port())));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
}
