package org.vigil.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.CheckTarget;
import org.vigil.engine.ack.Acknowledgement;
import org.vigil.engine.downtime.DowntimeBook;
import org.vigil.engine.downtime.DowntimeRequest;

/** The engine's own acknowledgement and downtime paths reach the notifier through the listener hooks. */
class EngineHooksTest {

    @TempDir
    Path dir;
    private NotifyHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private CheckTarget http() throws Exception {
        h = NotifyHarness.start(dir, """
                define host {
                    host_name web1
                    use host-template
                    contacts admin
                }
                define service {
                    host_name web1
                    service_description http
                    use service-template
                    contacts admin
                    notification_options w,c,r,f,s
                }
                """);
        return h.service("web1", "http");
    }

    @Test
    void acknowledgementNotifiesOnlyWhenAsked() throws Exception {
        CheckTarget http = http();
        h.results(http, 2, "CRITICAL - down", 3);
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
        h.engine.call(() -> h.engine.acknowledge(http, new Acknowledgement(false, false, false, "bob", "quiet")));
        assertThat(h.taken()).as("notify 0").isEmpty();
        h.engine.call(() -> {
            h.engine.removeAcknowledgement(http);
            return null;
        });
        h.engine.call(() -> h.engine.acknowledge(http, new Acknowledgement(false, true, false, "alice", "on it")));
        assertThat(h.takenLines()).containsExactly("SERVICE NOTIFICATION: admin;web1;http;ACKNOWLEDGEMENT (CRITICAL);"
                + "notify-by-email;CRITICAL - down;alice;on it");
        h.advance(Duration.ofHours(2));
        h.renotify();
        assertThat(h.taken()).as("acknowledged: no re-notification").isEmpty();
    }

    @Test
    void downtimeStartEndAndCancelNotify() throws Exception {
        CheckTarget http = http();
        Instant now = h.clock.instant();
        DowntimeBook.Scheduled d = h.engine.call(() -> h.engine.downtimes().schedule(new DowntimeRequest(http, now,
                now, now.plusSeconds(600), true, 0, 600, "carol", "patching"), now));
        assertThat(d.ok()).isTrue();
        h.engine.call(() -> {
            h.engine.downtimes().tick(now);
            return null;
        });
        assertThat(h.engine.call(() -> h.sent.stream().map(n -> n.author() + "/" + n.comment()).toList()))
                .as("the downtime's author and comment").containsExactly("carol/patching");
        assertThat(h.taken()).containsExactly("admin DOWNTIMESTART 0");
        h.results(http, 2, "CRITICAL - down", 3);
        assertThat(h.taken()).as("problem in downtime").isEmpty();
        h.advance(Duration.ofMinutes(10));
        Instant end = h.clock.instant();
        h.engine.call(() -> {
            h.engine.downtimes().tick(end);
            return null;
        });
        assertThat(h.taken()).containsExactly("admin DOWNTIMEEND 0");
        Instant later = h.clock.instant();
        DowntimeBook.Scheduled d2 = h.engine.call(() -> h.engine.downtimes().schedule(new DowntimeRequest(http,
                later, later, later.plusSeconds(600), true, 0, 600, "carol", "again"), later));
        h.engine.call(() -> {
            h.engine.downtimes().tick(later);
            return h.engine.downtimes().cancel(d2.id(), false, later);
        });
        assertThat(h.taken()).containsExactly("admin DOWNTIMESTART 0", "admin DOWNTIMECANCELLED 0");
    }

    @Test
    void stateMacrosOfObjectsNeverCheckedNameTheirInitialState() throws Exception {
        CheckTarget http = http();
        // nagios4 4.4.6: $HOSTSTATE$ and $SERVICESTATE$ are the names of current_state, which is the initial state
        // (UP, OK) until a first result: a custom notification before any check shows UP and OK, never PENDING
        h.engine.call(() -> {
            h.engine.sendCustomNotification(http, 0, "alice", "before any check");
            return null;
        });
        assertThat(h.engine.call(() -> h.sent.stream().map(n -> n.macros().get("HOSTSTATE") + "/"
                + n.macros().get("SERVICESTATE")).toList())).containsExactly("UP/OK");
    }

    @Test
    void customNotificationCommandReachesTheNotifier() throws Exception {
        CheckTarget http = http();
        h.results(http, 2, "CRITICAL - down", 3);
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
        // SEND_CUSTOM_SVC_NOTIFICATION;web1;http;0;alice;call me: options 0 keeps the number
        h.engine.call(() -> {
            h.engine.sendCustomNotification(http, 0, "alice", "call me");
            return null;
        });
        assertThat(h.takenLines()).containsExactly("SERVICE NOTIFICATION: admin;web1;http;CUSTOM (CRITICAL);"
                + "notify-by-email;CRITICAL - down;alice;call me");
        // option 4 increments the notification number
        h.engine.call(() -> {
            h.engine.sendCustomNotification(http, 4, "alice", "again");
            return null;
        });
        assertThat(h.taken()).containsExactly("admin CUSTOM 2");
    }
}
