package org.vigil.worker.gearman;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interoperation with Debian's libgearman command-line tool, {@code /usr/bin/gearman}, through a real gearmand. */
class GearmanToolInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final byte[] PAYLOAD = {'h', 'o', 's', 't', '=', 'w', 'e', 'b', '\n', 0, 1, (byte) 0xc3,
        (byte) 0xa9, (byte) 0xff, '\n'};
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
    void aJobOurClientSubmitsReachesTheToolsWorkerByteForByte() throws Exception {
        Path received = dir.resolve("received");
        try (GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT)) {
            client.submitBackground("q_tool_worker", "", PAYLOAD, JobPriority.NORMAL);
        }
        // the tool's worker runs the command with the job's data on standard input
        Process worker = tool(List.of("-w", "-f", "q_tool_worker", "-c", "1", "--", "sh", "-c", "cat > \"$0\"",
                received.toString())).start();

        assertThat(worker.waitFor(5, TimeUnit.SECONDS)).as("gearman -w took its job and exited").isTrue();
        assertThat(worker.exitValue()).isZero();
        assertThat(Files.readAllBytes(received)).containsExactly(PAYLOAD);
    }

    @Test
    void aJobTheToolSubmitsIsGrabbedByOurWorkerByteForByte() throws Exception {
        Process client = tool(List.of("-b", "-f", "q_tool_client")).start();
        try (OutputStream stdin = client.getOutputStream()) {
            stdin.write(PAYLOAD);
        }
        assertThat(client.waitFor(5, TimeUnit.SECONDS)).as("gearman -b submitted and exited").isTrue();
        assertThat(client.exitValue()).isZero();

        try (GearmanWorker worker = GearmanWorker.connect(gearmand.address(), TIMEOUT)) {
            worker.canDo("q_tool_client");
            Job job = worker.awaitJob(Duration.ofSeconds(3)).orElseThrow();
            assertThat(job.function()).isEqualTo("q_tool_client");
            assertThat(job.data()).containsExactly(PAYLOAD);
            worker.complete(job, new byte[0]);
        }
    }

    private static ProcessBuilder tool(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/gearman", "-h", "127.0.0.1",
                "-p", String.valueOf(gearmand.address().port())));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
}
