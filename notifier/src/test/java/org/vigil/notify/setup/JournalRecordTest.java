package org.vigil.notify.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.notify.rules.Notification;
import org.vigil.notify.rules.Reason;

/** A journaled notification comes back as it was decided, or is refused with a reason, never an exception. */
class JournalRecordTest {

    @TempDir
    Path dir;

    private LoadResult config() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name page
                    command_line /bin/true
                }
                define contact {
                    contact_name oncall
                    host_notification_commands page
                    service_notification_commands page
                }
                define host {
                    host_name web1
                    check_command page
                    max_check_attempts 1
                    contacts oncall
                }
                define service {
                    host_name web1
                    service_description http
                    check_command page
                    max_check_attempts 1
                    contacts oncall
                }
                """);
        return ConfigLoader.load(dir.resolve("nagios.cfg"));
    }

    @Test
    void aNotificationRoundTrips() throws Exception {
        LoadResult config = config();
        Notification n = new Notification(Reason.ACKNOWLEDGEMENT, "ACKNOWLEDGEMENT", "web1",
                new ServiceKey("web1", "http"), config.model().contacts().get("oncall"), List.of("page", "page!x"), 3,
                "CRITICAL", "CRITICAL - down\\nsecond line", "ann", "on it;\nlooking", true,
                Instant.ofEpochSecond(1_796_567_784), List.of("oncall", "other"),
                Map.of("SERVICEOUTPUT", "CRITICAL - down", "NOTIFICATIONTYPE", "ACKNOWLEDGEMENT", "EMPTY", ""));

        assertThat(JournalRecord.object(n)).isEqualTo(ObjectKey.service("web1", "http"));
        assertThat(JournalRecord.read(JournalRecord.fields(n), config.model()).notification()).contains(n);
    }

    @Test
    void aHostNotificationWithoutAuthorRoundTrips() throws Exception {
        LoadResult config = config();
        Notification n = new Notification(Reason.NORMAL, "PROBLEM", "web1", null,
                config.model().contacts().get("oncall"), List.of("page"), 1, "DOWN", "", null, null, false,
                Instant.ofEpochSecond(1_796_567_784), List.of("oncall"), Map.of());

        assertThat(JournalRecord.object(n)).isEqualTo(ObjectKey.host("web1"));
        assertThat(JournalRecord.read(JournalRecord.fields(n), config.model()).notification()).contains(n);
    }

    @Test
    void aContactNoLongerDefinedOrADamagedRecordIsRefusedWithAReason() throws Exception {
        LoadResult config = config();
        Notification n = new Notification(Reason.NORMAL, "PROBLEM", "web1", null,
                config.model().contacts().get("oncall"), List.of("page"), 1, "DOWN", "", null, null, false,
                Instant.ofEpochSecond(1_796_567_784), List.of("oncall"), Map.of());
        Map<String, String> gone = new java.util.HashMap<>(JournalRecord.fields(n));
        gone.put("contact", "someone");
        Map<String, String> damaged = new java.util.HashMap<>(JournalRecord.fields(n));
        damaged.put("number", "x");

        assertThat(JournalRecord.read(gone, config.model()).problem()).isEqualTo("contact 'someone' is no longer defined");
        assertThat(JournalRecord.read(damaged, config.model()).notification()).isEmpty();
        assertThat(JournalRecord.read(damaged, config.model()).problem()).startsWith("its record is damaged");
        assertThat(JournalRecord.read(Map.of(), config.model()).notification()).isEmpty();
    }
}
