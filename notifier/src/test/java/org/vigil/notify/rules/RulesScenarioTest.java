package org.vigil.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.AcknowledgementType;

/** Escalations, periods, delays, suppression by downtime/ack/flapping/dependencies, contacts, and the events. */
class RulesScenarioTest {

    @TempDir
    Path dir;
    private NotifyHarness h;

    private static final String CONTACTS = """
            define contact {
                contact_name boss
                use contact-template
            }
            define contact {
                contact_name oncall
                use contact-template
                service_notification_options c,r
            }
            define contactgroup {
                contactgroup_name ops
                members admin,oncall
            }
            define timeperiod {
                timeperiod_name workhours
                wednesday 09:00-17:00
            }
            define host {
                host_name web1
                use host-template
                contacts admin
            }
            """;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private CheckTarget http(String serviceExtra, String more) throws Exception {
        h = NotifyHarness.start(dir, CONTACTS + """
                define service {
                    host_name web1
                    service_description http
                    use service-template
                """ + serviceExtra + "}\n" + more);
        h.result(h.host("web1"), 0, "UP");
        return h.service("web1", "http");
    }

    @Test
    void escalationTakesOverFromItsFirstNotificationWithItsOwnInterval() throws Exception {
        CheckTarget http = http("contacts admin\nnotification_interval 60\n", """
                define serviceescalation {
                    host_name web1
                    service_description http
                    first_notification 2
                    last_notification 3
                    notification_interval 10
                    contacts boss
                }
                """);
        h.results(http, 2, "CRITICAL", 3);
        Instant t0 = h.clock.instant();
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
        // #1 was not escalated; #2 will be, so #1's next time already... uses the object's 60 minutes
        assertThat(h.nextNotification(http)).isEqualTo(t0.plus(Duration.ofMinutes(60)));
        h.at(t0.plus(Duration.ofMinutes(60)));
        h.renotify();
        assertThat(h.taken()).containsExactly("boss PROBLEM 2");
        Instant t2 = h.clock.instant();
        assertThat(h.nextNotification(http)).isEqualTo(t2.plus(Duration.ofMinutes(10)));
        h.at(t2.plus(Duration.ofMinutes(10)));
        h.renotify();
        assertThat(h.taken()).containsExactly("boss PROBLEM 3");
        // past last_notification the object's own contacts and interval are back
        h.advance(Duration.ofMinutes(60));
        h.renotify();
        assertThat(h.taken()).containsExactly("admin PROBLEM 4");
        // the recovery goes to whoever got the last problem notification (number - 1 = 4: not escalated)
        h.advance(Duration.ofMinutes(1));
        h.result(http, 0, "OK");
        assertThat(h.taken()).containsExactly("admin RECOVERY 5");
    }

    @Test
    void escalationOptionsAndRecoveryNumber() throws Exception {
        CheckTarget http = http("contacts admin\n", """
                define serviceescalation {
                    host_name web1
                    service_description http
                    first_notification 1
                    last_notification 0
                    escalation_options c,r
                    contact_groups ops
                }
                """);
        h.results(http, 1, "WARNING", 3);
        assertThat(h.taken()).as("warning is not escalated").containsExactly("admin PROBLEM 1");
        h.advance(Duration.ofMinutes(1));
        h.result(http, 2, "CRITICAL");
        // escalated to the group ops: admin and oncall (each once)
        assertThat(h.taken()).containsExactly("admin PROBLEM 2", "oncall PROBLEM 2");
        h.advance(Duration.ofMinutes(1));
        h.result(http, 0, "OK");
        assertThat(h.taken()).containsExactly("admin RECOVERY 3", "oncall RECOVERY 3");
    }

    @Test
    void notificationPeriodDefersTheProblemToThePeriodsStart() throws Exception {
        CheckTarget http = http("contacts admin\nnotification_period workhours\n", "");
        // 2026-11-25 is a Wednesday; 08:00 is before the period
        h.at(Instant.parse("2026-11-25T08:00:00Z"));
        h.results(http, 2, "CRITICAL", 3);
        assertThat(h.taken()).isEmpty();
        assertThat(h.nextNotification(http)).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        h.at(Instant.parse("2026-11-25T08:59:59Z"));
        h.renotify();
        assertThat(h.taken()).isEmpty();
        h.at(Instant.parse("2026-11-25T09:00:00Z"));
        h.renotify();
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
    }

    @Test
    void contactPeriodOptionsAndSwitch() throws Exception {
        CheckTarget http = http("contact_groups ops\ncontacts boss\n", "");
        h.engine.call(() -> null);
        h.results(http, 1, "WARNING", 3);
        // oncall takes only c,r; boss and the group's admin take warnings
        assertThat(h.taken()).containsExactly("boss PROBLEM 1", "admin PROBLEM 1");
        h.advance(Duration.ofMinutes(1));
        h.result(http, 0, "OK");
        // oncall was never told about the warning: no recovery for them
        assertThat(h.taken()).containsExactly("boss RECOVERY 2", "admin RECOVERY 2");
    }

    /** As 4.4.6 does (it changed from last_time_ok): the delay runs from the hard state change. */
    @Test
    void firstNotificationDelayCountsFromTheHardStateChange() throws Exception {
        CheckTarget http = http("contacts admin\nfirst_notification_delay 10\n", "");
        h.result(http, 0, "OK");
        for (int attempt = 1; attempt <= 3; attempt++) {
            h.advance(Duration.ofMinutes(1));
            h.result(http, 2, "CRITICAL");
        }
        assertThat(h.taken()).isEmpty();
        Instant hardChange = h.read(http, s -> s.lastHardStateChange());
        Instant lastOk = h.read(http, s -> ((org.vigil.engine.state.ServiceStatus) s)
                .lastTimeIn(org.vigil.engine.state.ServiceState.OK));
        assertThat(hardChange).isAfter(lastOk.plus(Duration.ofMinutes(1)));
        h.at(hardChange.plus(Duration.ofMinutes(10)).minusSeconds(1));
        h.result(http, 2, "CRITICAL");
        h.renotify();
        assertThat(h.taken()).as("ten minutes after the last OK, but not yet after the hard change").isEmpty();
        h.at(hardChange.plus(Duration.ofMinutes(10)));
        h.renotify();
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
    }

    /**
     * Nagios sends a problem held back by its host's DOWN at the service's next result, whose last state is the
     * problem's (observed with nagios4: $LASTSERVICESTATE$ CRITICAL); the pass sends it between results with the same
     * macros, not with the state before the problem.
     */
    @Test
    void aProblemSentBetweenResultsShowsItselfAsItsLastState() throws Exception {
        // hard at its first result (last state OK), held back by first_notification_delay, then sent by the pass:
        // Nagios would send it at the next result in the same state, whose last state is CRITICAL
        CheckTarget http = http("contacts admin\nmax_check_attempts 1\nfirst_notification_delay 5\n", "");
        h.result(http, 0, "OK");
        h.advance(Duration.ofMinutes(1));
        h.result(http, 2, "CRITICAL");
        String before = h.read(http, s -> s.stateType().name() + " last " + s.lastState());
        assertThat(before).isEqualTo("HARD last OK");
        assertThat(h.taken()).as("within first_notification_delay").isEmpty();
        h.advance(Duration.ofMinutes(5));
        h.renotify();
        assertThat(h.engine.call(() -> h.sent.stream().map(n -> n.contact().name() + " " + n.type() + " last "
                + n.macros().get("LASTSERVICESTATE") + "/" + n.macros().get("LASTSERVICESTATEID")).toList()))
                .containsExactly("admin PROBLEM last CRITICAL/2");
    }

    @Test
    void downtimeAcknowledgementFlappingAndDependenciesSuppress() throws Exception {
        CheckTarget http = http("contacts admin\n", "");
        h.change(http, s -> s.setScheduledDowntimeDepth(1));
        h.results(http, 2, "CRITICAL", 3);
        assertThat(h.taken()).as("in downtime").isEmpty();
        h.change(http, s -> s.setScheduledDowntimeDepth(0));
        h.change(h.host("web1"), s -> s.setScheduledDowntimeDepth(1));
        h.renotify();
        assertThat(h.taken()).as("host in downtime").isEmpty();
        h.change(h.host("web1"), s -> s.setScheduledDowntimeDepth(0));
        h.change(http, s -> s.setFlapping(true));
        h.renotify();
        assertThat(h.taken()).as("flapping").isEmpty();
        h.change(http, s -> s.setFlapping(false));
        h.change(http, s -> s.setAcknowledgementType(AcknowledgementType.STICKY));
        h.renotify();
        assertThat(h.taken()).as("acknowledged").isEmpty();
        h.change(http, s -> s.setAcknowledgementType(AcknowledgementType.NONE));
        h.blockers = new NotificationBlockers() {
            @Override
            public boolean hostBlocked(String hostName) {
                return false;
            }

            @Override
            public boolean serviceBlocked(ServiceKey key) {
                return key.description().equals("http");
            }
        };
        h.renotify();
        assertThat(h.taken()).as("dependency").isEmpty();
        h.blockers = NotificationBlockers.NEVER;
        h.renotify();
        assertThat(h.taken()).containsExactly("admin PROBLEM 1");
    }

    @Test
    void eventNotificationsLogTheirTypeAndFollowTheirOwnRules() throws Exception {
        CheckTarget http = http("contacts admin\nnotification_options w,c,r\n", "");
        h.results(http, 2, "CRITICAL - down", 3);
        h.taken();
        assertThat(h.event(http, Reason.ACKNOWLEDGEMENT, "alice", "on it", 0).suppressed()).isEmpty();
        assertThat(h.takenLines()).containsExactly("SERVICE NOTIFICATION: admin;web1;http;ACKNOWLEDGEMENT (CRITICAL);"
                + "notify-by-email;CRITICAL - down;alice;on it");
        assertThat(h.number(http)).as("an acknowledgement is not counted").isEqualTo(1);
        assertThat(h.event(http, Reason.FLAPPINGSTART, null, null, 0).suppressed())
                .contains(Suppression.NO_FLAPPING_OPTION);
        assertThat(h.event(http, Reason.DOWNTIMESTART, null, null, 0).suppressed())
                .contains(Suppression.NO_DOWNTIME_OPTION);
        h.event(http, Reason.CUSTOM, "bob", "test", 4);
        assertThat(h.takenLines()).containsExactly("SERVICE NOTIFICATION: admin;web1;http;CUSTOM (CRITICAL);"
                + "notify-by-email;CRITICAL - down;bob;test");
        assertThat(h.number(http)).as("custom with the increment option").isEqualTo(2);
        h.change(http, s -> s.setScheduledDowntimeDepth(1));
        assertThat(h.event(http, Reason.CUSTOM, "bob", "x", 0).suppressed()).contains(Suppression.CUSTOM_IN_DOWNTIME);
        h.event(http, Reason.CUSTOM, "bob", "forced", 2);
        assertThat(h.taken()).containsExactly("admin CUSTOM 2");
    }

    @Test
    void hostFlappingAndDowntimeEvents() throws Exception {
        http("contacts admin\n", "");
        CheckTarget web1 = h.host("web1");
        h.event(web1, Reason.FLAPPINGSTART, null, null, 0);
        assertThat(h.takenLines()).containsExactly("HOST NOTIFICATION: admin;web1;FLAPPINGSTART (UP);notify-by-email;UP");
        h.event(web1, Reason.DOWNTIMESTART, null, null, 0);
        assertThat(h.takenLines()).containsExactly("HOST NOTIFICATION: admin;web1;DOWNTIMESTART (UP);notify-by-email;UP");
        assertThat(h.event(web1, Reason.ACKNOWLEDGEMENT, "a", "b", 0).suppressed())
                .contains(Suppression.ACK_OF_OK_OBJECT);
    }
}
