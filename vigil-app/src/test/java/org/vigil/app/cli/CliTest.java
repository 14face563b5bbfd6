package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void config() throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nuse_timezone=Europe/Berlin\n"
                + "illegal_macro_output_chars=`~$&|'\"<>\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define timeperiod {
                    timeperiod_name workhours
                    alias           Work
                    monday          09:00-17:00
                }
                define contact {
                    contact_name admin
                    host_notification_period workhours
                    service_notification_period workhours
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                define host {
                    host_name web1
                    max_check_attempts 3
                    contacts admin
                }
                define service {
                    host_name web1
                    service_description ping
                    check_command check_dummy!0
                    max_check_attempts 3
                    check_period workhours
                    notification_period workhours
                }
                """);
    }

    private int run(String... args) {
        return Vigil.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void verifyPrintsCountsAndTotalsAndExitsZero() throws IOException {
        Path dump = dir.resolve("objects.dump");
        int rc = run("verify", "--dump-objects", dump.toString(), dir.resolve("nagios.cfg").toString());
        assertThat(rc).isZero();
        assertThat(out.toString()).contains("Checked 1 services.", "Checked 1 hosts.", "Total Warnings: 0",
                "Total Errors: 0");
        assertThat(Files.readString(dump)).contains("define service {\n\thost_name\tweb1\n\tservice_description\tping\n");
    }

    @Test
    void verifyExitsOneOnErrorsAndNamesFileAndLine() throws IOException {
        Files.writeString(dir.resolve("objects.cfg"), "define host {\n  host_name web1\n  max_check_attempts x\n}\n");
        int rc = run("verify", dir.resolve("nagios.cfg").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("objects.cfg:3: error: max_check_attempts 'x' is not valid"
                + " (expected a whole number)", "Total Errors: ");
    }

    @Test
    void badUsageExitsTwoWithoutStackTrace() {
        assertThat(run("verify")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown command 'frobnicate'").doesNotContain("Exception");
    }

    @Test
    void timeperiodJsonAnswersInTheConfiguredZone() {
        int rc = run("timeperiod", dir.resolve("nagios.cfg").toString(), "workhours", "--at",
                "2026-11-30T08:30:00Z", "--json");
        assertThat(rc).isZero();
        // 08:30Z is 09:30 in Berlin on a Monday: inside, and the window ends at 17:00 local
        assertThat(out.toString().strip()).isEqualTo("{\"period\": \"workhours\", \"at\": \"2026-11-30T09:30+01:00\","
                + " \"inside\": true, \"next_inside\": \"2026-11-30T09:30+01:00\","
                + " \"next_outside\": \"2026-11-30T17:00+01:00\"}");
    }

    @Test
    void timeperiodTextShowsNextWindow() {
        int rc = run("timeperiod", dir.resolve("nagios.cfg").toString(), "workhours", "--at", "2026-11-28T12:00");
        assertThat(rc).isZero();
        assertThat(out.toString()).contains("at 2026-11-28T12:00+01:00: OUTSIDE",
                "next window: 2026-11-30T09:00+01:00 to 2026-11-30T17:00+01:00");
    }

    @Test
    void timeperiodUnknownNameSuggests() {
        assertThat(run("timeperiod", dir.resolve("nagios.cfg").toString(), "workhour")).isEqualTo(1);
        assertThat(err.toString()).contains("timeperiod 'workhour' is not defined (did you mean 'workhours'?)");
    }

    @Test
    void runRefusesBadNotificationSettingsNamingFileAndKey() throws IOException {
        Path settings = dir.resolve("notify.properties");
        Files.writeString(settings, "email.host = localhost\nemail.from = vigil@example.org\nemail.port = 0x19\n");
        System.setProperty("vigil.notify.config", settings.toString());
        try {
            assertThat(run("run", dir.resolve("nagios.cfg").toString())).isEqualTo(1);
        } finally {
            System.clearProperty("vigil.notify.config");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "vigil run: " + settings + ": email.port: '0x19' is not a number\n"
                        + "vigil run: the notification settings have 1 error(s); not starting\n");
    }
}
