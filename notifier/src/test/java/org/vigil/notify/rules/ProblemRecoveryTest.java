package org.vigil.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.engine.state.CheckTarget;

/** PROBLEM, re-notification and RECOVERY of a service and a host, step by step. */
class ProblemRecoveryTest {

    @TempDir
    Path dir;
    private NotifyHarness h;

    private static final String OBJECTS = """
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
            }
            """;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void hardProblemIsNotifiedRenotifiedEveryIntervalAndRecovered() throws Exception {
        h = NotifyHarness.start(dir, OBJECTS);
        CheckTarget web1 = h.host("web1");
        CheckTarget http = h.service("web1", "http");
        h.result(web1, 0, "UP");
        h.result(http, 0, "OK");
        // soft attempts are not notified
        h.result(http, 2, "CRITICAL - down");
        assertThat(h.taken()).isEmpty();
        h.advance(Duration.ofMinutes(1));
        h.result(http, 2, "CRITICAL - down");
        assertThat(h.taken()).isEmpty();
        // the hard state change is
        h.advance(Duration.ofMinutes(1));
        h.result(http, 2, "CRITICAL - down");
        assertThat(h.takenLines()).containsExactly(
                "SERVICE NOTIFICATION: admin;web1;http;CRITICAL;notify-by-email;CRITICAL - down");
        Instant first = h.clock.instant();
        assertThat(h.number(http)).isEqualTo(1);
        assertThat(h.lastNotification(http)).isEqualTo(first);
        assertThat(h.nextNotification(http)).isEqualTo(first.plus(Duration.ofMinutes(30)));
        // results before the interval ends do not notify again
        h.advance(Duration.ofMinutes(5));
        h.result(http, 2, "CRITICAL - down");
        assertThat(h.taken()).isEmpty();
        // a result after it does, with the next number
        h.at(first.plus(Duration.ofMinutes(30)));
        h.result(http, 2, "CRITICAL - still down");
        assertThat(h.taken()).containsExactly("admin PROBLEM 2");
        // and without results the re-notification pass does
        h.at(first.plus(Duration.ofMinutes(59)));
        h.renotify();
        assertThat(h.taken()).isEmpty();
        h.at(first.plus(Duration.ofMinutes(60)));
        h.renotify();
        assertThat(h.taken()).containsExactly("admin PROBLEM 3");
        // the recovery is counted too, then the number goes back to 0
        h.advance(Duration.ofMinutes(1));
        h.result(http, 0, "OK - back");
        // as 4.4.6: the recovery is notified before the attempt and the problem id are reset
        assertThat(h.sent.get(h.sent.size() - 1).macros()).containsEntry("SERVICEATTEMPT", "3")
                .doesNotContainEntry("SERVICEPROBLEMID", "0");
        assertThat(h.takenLines()).containsExactly(
                "SERVICE NOTIFICATION: admin;web1;http;OK;notify-by-email;OK - back");
        assertThat(h.number(http)).isZero();
        h.renotify();
        assertThat(h.taken()).isEmpty();
    }

    /**
     * As notifications.c 4.4.6: each notification past the viability checks takes the next program-wide id
     * ({@code next_notification_id}), which status.dat shows as the object's {@code current_notification_id} and the
     * macros as {@code $SERVICENOTIFICATIONID$}/{@code $HOSTNOTIFICATIONID$}.
     */
    @Test
    void eachNotificationTakesTheNextProgramWideId() throws Exception {
        h = NotifyHarness.start(dir, OBJECTS);
        CheckTarget web1 = h.host("web1");
        CheckTarget http = h.service("web1", "http");
        h.result(web1, 0, "UP");
        assertThat(h.notificationId(http)).isZero();
        h.results(http, 2, "CRITICAL", 3);
        assertThat(h.notificationId(http)).isEqualTo(1);
        assertThat(h.sent.get(0).macros()).containsEntry("SERVICENOTIFICATIONID", "1");
        h.advance(Duration.ofMinutes(31));
        h.renotify();
        assertThat(h.notificationId(http)).isEqualTo(2);
        h.advance(Duration.ofMinutes(1));
        h.result(web1, 1, "DOWN");
        assertThat(h.notificationId(web1)).isEqualTo(3);
        assertThat(h.sent.get(h.sent.size() - 1).macros()).containsEntry("HOSTNOTIFICATIONID", "3");
        assertThat(h.engine.call(() -> h.engine.eventIds().nextNotificationId())).isEqualTo(4);
    }

    /** As nagios4 (differential scenario flap-service-start-stop): $HOSTSTATE$ of a host not yet checked is UP. */
    @Test
    void aHostNotYetCheckedIsUpInTheMacros() throws Exception {
        h = NotifyHarness.start(dir, OBJECTS);
        CheckTarget http = h.service("web1", "http");
        h.results(http, 2, "CRITICAL", 3);
        assertThat(h.sent).hasSize(1);
        assertThat(h.sent.get(0).macros()).containsEntry("HOSTSTATE", "UP").containsEntry("HOSTSTATEID", "0");
    }

    @Test
    void intervalZeroNotifiesOnceAndSetsNoMoreNotifications() throws Exception {
        h = NotifyHarness.start(dir, OBJECTS.replace("use service-template\n", "use service-template\n"
                + "notification_interval 0\n"));
        CheckTarget http = h.service("web1", "http");
        h.result(h.host("web1"), 0, "UP");
        h.results(http, 2, "CRITICAL", 3);
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
        assertThat(h.noMore(http)).isTrue();
        h.advance(Duration.ofHours(5));
        h.result(http, 2, "CRITICAL");
        h.renotify();
        assertThat(h.taken()).isEmpty();
        // a change of problem state is a new hard state change: notified again
        h.advance(Duration.ofMinutes(1));
        h.result(http, 1, "WARNING");
        assertThat(h.taken()).containsExactly("admin PROBLEM 2");
        h.advance(Duration.ofMinutes(1));
        h.result(http, 0, "OK");
        assertThat(h.taken()).containsExactly("admin RECOVERY 3");
    }

    @Test
    void recoveryIsOnlySentWhenTheProblemWasNotified() throws Exception {
        h = NotifyHarness.start(dir, OBJECTS);
        CheckTarget http = h.service("web1", "http");
        h.result(h.host("web1"), 0, "UP");
        h.change(http, s -> s.setNotificationsEnabled(false));
        h.results(http, 2, "CRITICAL", 3);
        assertThat(h.taken()).isEmpty();
        h.change(http, s -> s.setNotificationsEnabled(true));
        h.advance(Duration.ofMinutes(1));
        h.result(http, 0, "OK");
        assertThat(h.taken()).as("no recovery for a problem nobody was told about").isEmpty();
    }

    @Test
    void softRecoveryIsNotNotified() throws Exception {
        h = NotifyHarness.start(dir, OBJECTS);
        CheckTarget http = h.service("web1", "http");
        h.result(h.host("web1"), 0, "UP");
        h.results(http, 2, "CRITICAL", 2);
        h.advance(Duration.ofMinutes(1));
        h.result(http, 0, "OK");
        assertThat(h.taken()).isEmpty();
    }

    @Test
    void hostProblemIsNotifiedAndItsServicesAreNot() throws Exception {
        h = NotifyHarness.start(dir, OBJECTS);
        CheckTarget web1 = h.host("web1");
        CheckTarget http = h.service("web1", "http");
        h.result(web1, 0, "UP");
        h.result(web1, 1, "DOWN - no route");
        assertThat(h.takenLines()).containsExactly(
                "HOST NOTIFICATION: admin;web1;DOWN;notify-by-email;DOWN - no route");
        h.results(http, 2, "CRITICAL", 3);
        assertThat(h.taken()).as("a service of a host that is down").isEmpty();
        h.advance(Duration.ofMinutes(1));
        h.result(web1, 0, "UP again");
        assertThat(h.takenLines()).containsExactly(
                "HOST NOTIFICATION: admin;web1;UP;notify-by-email;UP again");
    }

    @Test
    void volatileServiceNotifiesEveryHardProblemResult() throws Exception {
        h = NotifyHarness.start(dir, OBJECTS.replace("use service-template\n",
                "use service-template\nis_volatile 1\n"));
        CheckTarget http = h.service("web1", "http");
        h.result(h.host("web1"), 0, "UP");
        h.results(http, 2, "CRITICAL", 3);
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
        h.advance(Duration.ofMinutes(1));
        h.result(http, 2, "CRITICAL");
        assertThat(h.taken()).containsExactly("admin PROBLEM 2");
        // the re-notification pass follows the interval only: before it ends, nothing
        h.advance(Duration.ofMinutes(1));
        h.renotify();
        assertThat(h.taken()).isEmpty();
        h.advance(Duration.ofMinutes(30));
        h.renotify();
        assertThat(h.taken()).containsExactly("admin PROBLEM 3");
    }

    @Test
    void serviceProblemSeenWhileItsHostWasDownWaitsForAResultWithTheHostUp() throws Exception {
        // as nagios4 (scenario host-down-recovery): notified at the service's first result after the host is UP, with
        // $LASTSERVICESTATE$ of that result; the re-notification pass once sent it as soon as the host was UP
        h = NotifyHarness.start(dir, OBJECTS);
        CheckTarget web1 = h.host("web1");
        CheckTarget http = h.service("web1", "http");
        h.result(web1, 0, "UP");
        h.result(http, 0, "OK");
        h.result(web1, 1, "DOWN");
        h.result(http, 2, "CRITICAL");
        h.advance(Duration.ofSeconds(30));
        h.result(web1, 0, "UP");
        h.taken();
        h.advance(Duration.ofSeconds(5));
        h.renotify();
        assertThat(h.taken()).isEmpty();
        h.advance(Duration.ofSeconds(30));
        h.result(http, 2, "CRITICAL");
        assertThat(h.takenLines()).containsExactly(
                "SERVICE NOTIFICATION: admin;web1;http;CRITICAL;notify-by-email;CRITICAL");
    }

    @Test
    void volatileServiceWithIntervalZeroIsNotifiedByResultsOnly() throws Exception {
        // seen on nagios4 (scenario check-volatile-service): one notification per hard result, none in between
        h = NotifyHarness.start(dir, OBJECTS.replace("use service-template\n",
                "use service-template\nis_volatile 1\nnotification_interval 0\n"));
        CheckTarget http = h.service("web1", "http");
        h.result(h.host("web1"), 0, "UP");
        h.results(http, 2, "CRITICAL", 3);
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
        h.advance(Duration.ofSeconds(5));
        h.renotify();
        assertThat(h.taken()).isEmpty();
        h.result(http, 2, "CRITICAL");
        assertThat(h.taken()).containsExactly("admin PROBLEM 2");
        h.advance(Duration.ofHours(1));
        h.renotify();
        assertThat(h.taken()).isEmpty();
    }

    @Test
    void globalSwitchStopsEverything() throws Exception {
        h = NotifyHarness.start(dir, OBJECTS, "enable_notifications=0\n");
        CheckTarget http = h.service("web1", "http");
        h.result(h.host("web1"), 0, "UP");
        h.results(http, 2, "CRITICAL", 3);
        assertThat(h.taken()).isEmpty();
        h.engine.call(() -> {
            h.engine.switches().setNotificationsEnabled(true);
            return null;
        });
        h.renotify();
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
    }
}
