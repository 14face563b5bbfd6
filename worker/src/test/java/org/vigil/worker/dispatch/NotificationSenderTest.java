package org.vigil.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginRunners;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.config.model.ObjectModel;
import org.vigil.engine.exec.NotificationCommand;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.gearman.Gearmand;
import org.vigil.worker.gearman.JobPriority;
import org.vigil.worker.payload.PayloadCodec;
import org.vigil.worker.payload.SharedKey;
import org.vigil.worker.run.JobLoop;

/**
 * Notification jobs as mod_gearman's handle_notifications queues them: on {@code notification} with high priority,
 * only with {@code notifications=yes} and when the object's checks leave; the text's seven lines; and one run by a
 * real {@code vigil worker} loop through a real gearmand.
 */
class NotificationSenderTest {

    static final Instant DECIDED = Instant.parse("2026-12-07T11:59:59.500000Z");
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00.000250Z");

    @TempDir
    Path dir;
    ObjectModel model;
    final List<QueuedJob> queued = new CopyOnWriteArrayList<>();

    @BeforeEach
    void load() throws Exception {
        model = RoutingFixture.model(dir, QueueRouterTest.OBJECTS);
    }

    private static RoutingFixture.Conf notifying() {
        RoutingFixture.Conf conf = new RoutingFixture.Conf();
        conf.notifications = true;
        return conf;
    }

    private NotificationSender sender(RoutingFixture.Conf conf, Clock clock) {
        return new NotificationSender(QueueRouter.of(model, conf.settings()), queued::add, clock);
    }

    private static NotificationCommand command(CheckSubject subject, String line) {
        return new NotificationCommand(subject, "admin", line, "CRITICAL - down", "line 2\nline 3", DECIDED);
    }

    @Test
    void aRoutedObjectsNotificationIsQueuedAsModGearmanWritesIt() {
        boolean taken = sender(notifying(), Clock.fixed(NOW, ZoneOffset.UTC)).send(command(
                CheckSubject.service("web1", "http"), "/usr/bin/notify admin 'web1/http CRITICAL'"));
        assertThat(taken).isTrue();
        QueuedJob q = queued.get(0);
        assertThat(q.queue()).isEqualTo("notification");
        assertThat(q.priority()).isEqualTo(JobPriority.HIGH);
        assertThat(q.unique()).isEmpty();
        assertThat(q.text()).isEqualTo("type=notification\nstart_time=" + DECIDED.getEpochSecond() + ".500000\n"
                + "core_time=" + NOW.getEpochSecond() + ".000250\ncontact=admin\n"
                + "command_line=/usr/bin/notify admin 'web1/http CRITICAL'\nplugin_output=CRITICAL - down\n"
                + "long_plugin_output=line 2\\nline 3\n\n\n");
    }

    @Test
    void notificationsStayHereUnlessAskedForAndWhenTheObjectsChecksStay() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(sender(new RoutingFixture.Conf(), clock).send(command(CheckSubject.host("web1"), "/bin/true")))
                .as("notifications=no by default").isFalse();
        RoutingFixture.Conf byHand = notifying().byHand();
        byHand.notifications = true;
        byHand.hostgroups = List.of("web");
        NotificationSender sender = sender(byHand, clock);
        assertThat(sender.send(command(CheckSubject.host("core1"), "/bin/true"))).isFalse();
        assertThat(sender.send(command(CheckSubject.service("web2", "http"), "/bin/true"))).isTrue();
        assertThat(queued).extracting(QueuedJob::queue).containsExactly("notification");
    }

    @Test
    void aNotificationSentThroughGearmandIsRunByAWorker() throws Exception {
        Path mark = dir.resolve("notified");
        PayloadCodec codec = PayloadCodec.encrypted(SharedKey.fromPassword("notify-secret"));
        try (Gearmand gearmand = Gearmand.start()) {
            JobLoop loop = new JobLoop(gearmand.address(), List.of("notification"), codec,
                    PluginRunners.create(RunnerOptions.defaults()), BuiltinSwitches.ON, "test-worker",
                    Duration.ofSeconds(10), line -> { });
            Thread worker = new Thread(loop, "notification-worker");
            worker.start();
            try {
                NotificationSender sender = new NotificationSender(QueueRouter.of(model, notifying().settings()),
                        job -> {
                            try (GearmanClient client = GearmanClient.connect(gearmand.address(),
                                    Duration.ofSeconds(3))) {
                                client.submitBackground(job.queue(), job.unique().orElse(""),
                                        codec.encode(job.text()).getBytes(StandardCharsets.US_ASCII), job.priority());
                            }
                        }, Clock.systemUTC());
                assertThat(sender.send(command(CheckSubject.host("web1"), "/usr/bin/touch " + mark))).isTrue();
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!mark.toFile().exists() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(mark).as("the worker ran the notification command").exists();
            } finally {
                loop.stop();
                worker.join(3000);
            }
        }
    }
}
