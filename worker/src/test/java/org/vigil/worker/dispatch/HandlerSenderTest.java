package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.config.model.ObjectModel;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.gearman.Gearmand;
import org.vigil.worker.gearman.JobPriority;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.SharedKey;
import org.vigil.worker.run.JobLoop;

/**
 * Event handler jobs as mod_gearman's handle_eventhandler queues them: the queue from the object's routes, the text
 * {@code type=eventhandler / start_time / core_time / command_line} and its blank lines, normal priority, no unique
 * id; and one sent through a real gearmand run by a real {@code vigil worker} loop.
 */
class HandlerSenderTest {

    /** 2026-12-07T12:00:00.123456Z. */
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00.123456Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    ObjectModel model;
    final List<QueuedJob> queued = new CopyOnWriteArrayList<>();

    @BeforeEach
    void load() throws Exception {
        model = RoutingFixture.model(dir, QueueRouterTest.OBJECTS);
    }

    private HandlerSender sender(RoutingFixture.Conf conf) {
        return new HandlerSender(QueueRouter.of(model, conf.settings()), queued::add, CLOCK);
    }

    @Test
    void aRoutedObjectsHandlerIsQueuedAsModGearmanWritesIt() {
        boolean taken = sender(new RoutingFixture.Conf()).send(CheckSubject.service("web1", "http"),
                "/usr/local/bin/restart-httpd web1 CRITICAL", Duration.ofSeconds(30));
        assertThat(taken).isTrue();
        assertThat(queued).hasSize(1);
        QueuedJob q = queued.get(0);
        assertThat(q.queue()).isEqualTo("eventhandler");
        assertThat(q.priority()).isEqualTo(JobPriority.NORMAL);
        assertThat(q.unique()).isEmpty();
        long seconds = NOW.getEpochSecond();
        assertThat(q.text()).isEqualTo("type=eventhandler\nstart_time=" + seconds + ".123456\n"
                + "core_time=" + seconds + ".123456\ncommand_line=/usr/local/bin/restart-httpd web1 CRITICAL\n\n\n");
    }

    @Test
    void anObjectWhoseChecksRunHereKeepsItsHandlerHere() {
        RoutingFixture.Conf conf = new RoutingFixture.Conf().byHand();
        conf.eventhandler = true;
        conf.hostgroups = List.of("web");
        HandlerSender sender = sender(conf);
        assertThat(sender.send(CheckSubject.host("core1"), "/bin/true", Duration.ofSeconds(30))).isFalse();
        assertThat(sender.send(CheckSubject.host("web1"), "/bin/true", Duration.ofSeconds(30))).isTrue();
        assertThat(queued).extracting(QueuedJob::queue).containsExactly("eventhandler");
        conf.eventhandler = false;
        assertThat(sender(conf).send(CheckSubject.host("web1"), "/bin/true", Duration.ofSeconds(30))).isFalse();
    }

    @Test
    void routedLikeChecksItGoesToTheObjectsGroupQueue() {
        RoutingFixture.Conf conf = new RoutingFixture.Conf();
        conf.routeEventhandlerLikeChecks = true;
        conf.hostgroups = List.of("web");
        sender(conf).send(CheckSubject.service("web2", "http"), "/bin/true", Duration.ofSeconds(30));
        assertThat(queued).extracting(QueuedJob::queue).containsExactly("hostgroup_web");
    }

    @Test
    void aNewlineInTheCommandLineCannotEndThePayloadEarly() {
        sender(new RoutingFixture.Conf()).send(CheckSubject.host("web1"), "/bin/echo 'a\nb'", Duration.ofSeconds(5));
        assertThat(queued.get(0).text()).contains("command_line=/bin/echo 'a\\nb'\n\n\n");
    }

    @Test
    void aHandlerSentThroughGearmandIsRunByAWorker() throws Exception {
        Path mark = dir.resolve("handled");
        PayloadCodec codec = PayloadCodec.encrypted(SharedKey.fromPassword("handler-secret"));
        try (Gearmand gearmand = Gearmand.start()) {
            JobLoop loop = new JobLoop(gearmand.address(), List.of("eventhandler"), codec,
                    PluginRunners.create(RunnerOptions.defaults()), BuiltinSwitches.ON, "test-worker",
                    Duration.ofSeconds(10), line -> { });
            Thread worker = new Thread(loop, "handler-worker");
            worker.start();
            try {
                HandlerSender sender = new HandlerSender(QueueRouter.of(model, new RoutingFixture.Conf().settings()),
                        job -> submit(gearmand, codec, job), Clock.systemUTC());
                assertThat(sender.send(CheckSubject.host("web1"), "/usr/bin/touch " + mark,
                        Duration.ofSeconds(10))).isTrue();
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!mark.toFile().exists() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(mark).as("the worker ran the handler").exists();
            } finally {
                loop.stop();
                worker.join(3000);
            }
        }
    }

    /** What the engine's dispatch does with a job (written by its own class): encode, submit in the background. */
    private static void submit(Gearmand gearmand, PayloadCodec codec, QueuedJob job) {
        try (GearmanClient client = GearmanClient.connect(gearmand.address(), Duration.ofSeconds(3))) {
            client.submitBackground(job.queue(), job.unique().orElse(""),
                    codec.encode(job.text()).getBytes(StandardCharsets.US_ASCII), job.priority());
        }
    }
}
