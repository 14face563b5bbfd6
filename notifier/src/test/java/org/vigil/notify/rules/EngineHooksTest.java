package org.vigil.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.state.CheckTarget;
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
        // 4.4.6's unschedule_downtime notifies the cancellation without author or comment (observed with nagios4,
        // differential scenario flap-in-downtime); the start and the end carry the downtime's
        assertThat(h.engine.call(() -> h.sent.stream().map(n -> n.author() + "/" + n.comment()).toList()))
                .containsExactly("carol/again", "null/null");
        assertThat(h.taken()).containsExactly("admin DOWNTIMESTART 0", "admin DOWNTIMECANCELLED 0");
    }

    @Test
    void downtimeCancelledNotifiesWithoutAuthorOrComment() throws Exception {
        // 4.4.6's unschedule_downtime passes NULL author and data: $NOTIFICATIONAUTHOR$ and
        // $NOTIFICATIONCOMMENT$ are empty (observed with nagios4, scenario downtime-cancel-service)
        CheckTarget http = http();
        Instant now = h.clock.instant();
        DowntimeBook.Scheduled d = h.engine.call(() -> h.engine.downtimes().schedule(new DowntimeRequest(http, now,
                now, now.plusSeconds(600), true, 0, 600, "carol", "patching"), now));
        h.engine.call(() -> {
            h.engine.downtimes().tick(now);
            return h.engine.downtimes().cancel(d.id(), false, now);
        });
        assertThat(h.engine.call(() -> h.sent.stream().map(n -> n.type() + " " + n.author() + "/" + n.comment())
                .toList())).containsExactly("DOWNTIMESTART carol/patching", "DOWNTIMECANCELLED null/null");
    }

    @Test
    void aServiceProblemThatStartsAFlexibleDowntimeIsNotNotified() throws Exception {
        // 4.4.6 starts a service's flexible downtime inside the state change, before the notification is judged:
        // a problem hard at once (max_check_attempts 1) sends DOWNTIMESTART and no PROBLEM (downtime-flexible)
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
                    max_check_attempts 1
                    contacts admin
                }
                """);
        CheckTarget http = h.service("web1", "http");
        Instant now = h.clock.instant();
        DowntimeBook.Scheduled d = h.engine.call(() -> h.engine.downtimes().schedule(new DowntimeRequest(http, now,
                now, now.plusSeconds(600), false, 0, 60, "carol", "flexible"), now));
        assertThat(d.ok()).isTrue();
        h.results(http, 2, "CRITICAL - down", 1);
        assertThat(h.taken()).containsExactly("admin DOWNTIMESTART 0");
    }

    @Test
    void aNeverCheckedObjectIsNotifiedWithItsInitialStateNotPending() throws Exception {
        // macros.c reads current_state whether or not the object was checked (downtime-fixed-service)
        CheckTarget http = http();
        Instant now = h.clock.instant();
        h.engine.call(() -> h.engine.downtimes().schedule(new DowntimeRequest(http, now, now, now.plusSeconds(600),
                true, 0, 600, "carol", "patching"), now));
        h.engine.call(() -> {
            h.engine.downtimes().tick(now);
            return null;
        });
        assertThat(h.engine.call(() -> h.sent.stream().map(n -> n.macros().get("HOSTSTATE") + "/"
                + n.macros().get("SERVICESTATE")).toList())).containsExactly("UP/OK");
    }

    @Test
    void aRecoveryInDowntimeIsNotNotified() throws Exception {
        // 4.4.6's viability tests no longer end with "recoveries are good to go": a recovery also meets the
        // downtime test (observed with nagios4, scenario downtime-recovery)
        CheckTarget http = http();
        h.results(http, 2, "CRITICAL - down", 3);
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
        Instant now = h.clock.instant();
        h.engine.call(() -> h.engine.downtimes().schedule(new DowntimeRequest(http, now, now, now.plusSeconds(600),
                true, 0, 600, "carol", "fixing"), now));
        h.engine.call(() -> {
            h.engine.downtimes().tick(now);
            return null;
        });
        assertThat(h.taken()).containsExactly("admin DOWNTIMESTART 1");
        h.results(http, 0, "OK - back", 1);
        assertThat(h.taken()).as("recovery in downtime").isEmpty();
    }

    @Test
    void aFlexibleHostDowntimeWaitingToStartHoldsItsServicesBack() throws Exception {
        // 4.4.6's is_host_in_pending_flex_downtime: while the host's flexible downtime window is open and the host
        // fine (so it has not started), its services' problems are not notified (scenario downtime-flexible)
        CheckTarget http = http();
        CheckTarget web1 = h.host("web1");
        Instant now = h.clock.instant();
        h.engine.call(() -> h.engine.downtimes().schedule(new DowntimeRequest(web1, now, now, now.plusSeconds(600),
                false, 0, 60, "carol", "maybe"), now));
        h.results(http, 2, "CRITICAL - down", 3);
        assertThat(h.taken()).as("window open").isEmpty();
        h.advance(Duration.ofMinutes(11));
        h.engine.call(() -> {
            h.engine.downtimes().tick(h.clock.instant());
            return null;
        });
        assertThat(h.taken()).as("expired unused").containsExactly("admin DOWNTIMEEND 0");
        h.results(http, 2, "CRITICAL - down", 1);
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
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
