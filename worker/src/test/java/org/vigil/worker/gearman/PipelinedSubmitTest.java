package org.vigil.worker.gearman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipelined background submits against a real gearmand: every job queued, handles in order, failures named. */
class PipelinedSubmitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Test
    void aBatchIsQueuedWithOneHandlePerJobAndUniqueIdsMergeDuplicates() throws Exception {
        try (Gearmand gearmand = Gearmand.start();
             GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT);
             GearmanAdmin admin = GearmanAdmin.connect(gearmand.address(), TIMEOUT)) {
            List<BackgroundJob> jobs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                jobs.add(new BackgroundJob("q_pipe", "u" + i, bytes("job " + i), JobPriority.values()[i % 3]));
            }
            jobs.add(new BackgroundJob("q_pipe", "u7", bytes("same unique as job 7"), JobPriority.NORMAL));
            List<String> handles = new ArrayList<>();
            client.submitBackground(jobs, handles::add);

            assertThat(handles).hasSize(501);
            assertThat(handles.subList(0, 500)).doesNotHaveDuplicates().allMatch(h -> h.startsWith("H:"));
            assertThat(handles.get(500)).as("gearmand merges the job with job 7's unique id").isEqualTo(handles.get(7));
            assertThat(admin.status()).contains(new FunctionStatus("q_pipe", 500, 0, 0));

            try (GearmanWorker worker = GearmanWorker.connect(gearmand.address(), TIMEOUT)) {
                worker.canDo("q_pipe");
                Job first = worker.grabJob().orElseThrow();
                assertThat(first.unique()).as("high priority first: job 0 is the first HIGH").isEqualTo("u0");
                Job second = worker.grabJob().orElseThrow();
                assertThat(second.unique()).as("then the next HIGH").isEqualTo("u3");
                assertThat(new String(second.data(), StandardCharsets.UTF_8)).isEqualTo("job 3");
            }
        }
    }

    @Test
    void batchesSentAheadOfTheirAnswersAreAnsweredInOrder() throws Exception {
        try (Gearmand gearmand = Gearmand.start();
             GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT);
             GearmanAdmin admin = GearmanAdmin.connect(gearmand.address(), TIMEOUT)) {
            List<BackgroundJob> first = new ArrayList<>();
            List<BackgroundJob> second = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                (i < 100 ? first : second).add(new BackgroundJob("q_window", "w" + i, bytes("job " + i),
                        JobPriority.NORMAL));
            }
            client.sendBackground(first);
            client.sendBackground(second);
            List<String> handles = new ArrayList<>();
            client.awaitCreated(100, handles::add);
            client.awaitCreated(200, handles::add);
            client.echo(bytes("nothing left unread"));

            assertThat(handles).hasSize(300).doesNotHaveDuplicates();
            assertThat(admin.status()).contains(new FunctionStatus("q_window", 300, 0, 0));
        }
    }

    @Test
    void aServerGoneBeforeTheAnswersIsAGearmanExceptionNamingIt() throws Exception {
        Gearmand gearmand = Gearmand.start();
        GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT);
        gearmand.close();
        List<BackgroundJob> jobs = List.of(new BackgroundJob("q", "", bytes("x"), JobPriority.NORMAL));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) { // the first write after the close may still be accepted by the kernel
                client.submitBackground(jobs, h -> { });
            }
        }).isInstanceOf(GearmanException.class).hasMessageContaining(gearmand.address().toString());
        client.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
