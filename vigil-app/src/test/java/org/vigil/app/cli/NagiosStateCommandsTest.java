package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil import-nagios-state} and {@code export-nagios-state} in process, on a small retention.dat in
 * nagios4's format: the dry run, the way there and back through the embedded store, and the refusal while the config's
 * lock file is held. NagiosStateTakeoverTest (differential) runs them against nagios4 and {@code vigil run}.
 */
class NagiosStateCommandsTest {

    private static final String RETENTION = """
            info {
            created=1796670000
            version=4.4.6
            }
            program {
            modified_host_attributes=1
            modified_service_attributes=0
            enable_notifications=0
            next_comment_id=2
            next_downtime_id=1
            }
            service {
            host_name=web1
            service_description=ping
            modified_attributes=0
            current_state=2
            state_type=1
            plugin_output=CRITICAL - no answer
            last_notification=1796669000
            current_notification_number=1
            problem_has_been_acknowledged=1
            acknowledgement_type=2
            }
            service {
            host_name=web2
            service_description=ping
            current_state=0
            }
            servicecomment {
            host_name=web1
            service_description=ping
            entry_type=4
            comment_id=1
            source=0
            persistent=1
            entry_time=1796669500
            expires=0
            expire_time=0
            author=alice
            comment_data=on it
            }
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void config() throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nstate_retention_file=" + dir.resolve(
                "var/retention.dat") + "\nlock_file=" + dir.resolve("var/vigil.lock") + "\n"
                + "illegal_macro_output_chars=`~$&|'\"<>\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define contact {
                    contact_name admin
                    host_notification_period 24x7
                    service_notification_period 24x7
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                define host {
                    host_name web1
                    max_check_attempts 3
                    check_period 24x7
                    contacts admin
                }
                define timeperiod {
                    timeperiod_name 24x7
                    alias           always
                    monday          00:00-24:00
                }
                define service {
                    host_name web1
                    service_description ping
                    check_command check_dummy!0
                    max_check_attempts 3
                    check_period 24x7
                    contacts admin
                }
                """);
        Files.createDirectories(dir.resolve("var"));
        Files.writeString(dir.resolve("nagios-retention.dat"), RETENTION);
    }

    private int run(String... args) {
        return Vigil.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aDryRunReportsAndTouchesNoStore() {
        assertThat(run("import-nagios-state", "--dry-run", dir.resolve("nagios-retention.dat").toString(),
                dir.resolve("nagios.cfg").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Dry run:", "(a retention.dat)",
                "took: 1 acknowledgements, 1 comments, 1 program, 1 services",
                "  service web2;ping: not in Vigil's config");
        assertThat(dir.resolve("var/vigil-retention.mv.db")).doesNotExist();
    }

    @Test
    void thereAndBack() throws IOException {
        assertThat(run("import-nagios-state", dir.resolve("nagios-retention.dat").toString(),
                dir.resolve("nagios.cfg").toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Imported ");
        Path back = dir.resolve("back.dat");
        assertThat(run("export-nagios-state", back.toString(), dir.resolve("nagios.cfg").toString())).isZero();
        assertThat(Files.readString(back)).contains("service_description=ping\nmodified_attributes=0\n",
                "problem_has_been_acknowledged=1\nacknowledgement_type=2\n", "notified_on_critical=1",
                "author=alice\ncomment_data=on it\n", "modified_host_attributes=1\n", "enable_notifications=0\n")
                .doesNotContain("web2");
    }

    @Test
    void refusedWhileTheLockFileIsHeld() {
        Optional<LockFile> daemon = LockFile.acquire(dir.resolve("var/vigil.lock"), p -> { });
        assertThat(daemon).isPresent();
        try {
            assertThat(run("import-nagios-state", dir.resolve("nagios-retention.dat").toString(),
                    dir.resolve("nagios.cfg").toString())).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("vigil import-nagios-state: a daemon runs on"
                    + " this config: " + dir.resolve("var/vigil.lock") + " is locked by PID "
                    + ProcessHandle.current().pid() + "; stop it first");
        } finally {
            daemon.get().close();
        }
        assertThat(dir.resolve("var/vigil-retention.mv.db")).doesNotExist();
    }
}
