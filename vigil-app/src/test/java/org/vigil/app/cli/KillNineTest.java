package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `vigil run` killed with SIGKILL keeps what it had retained more than a flush interval before. */
class KillNineTest {

    @TempDir
    Path dir;

    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", dir.resolve("nagios.cfg").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    @Test
    void stateSurvivesKillNine() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                state_retention_file=var/retention.dat
                interval_length=1
                log_initial_states=1
                illegal_macro_output_chars=`
                """);
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ state$ARG1$
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy!0
                    service_notification_commands check_dummy!0
                }
                define host {
                    host_name local
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name local
                    service_description svc
                    check_command check_dummy!2
                    max_check_attempts 2
                    check_interval 1
                    retry_interval 1
                    contacts admin
                }
                """);
        Process first = start();
        Path log = dir.resolve("var/nagios.log");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains("local;svc;CRITICAL;HARD;2"))) {
            assertThat(System.nanoTime()).as(Files.exists(dir.resolve("out.txt"))
                    ? Files.readString(dir.resolve("out.txt")) : "no output").isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(2500); // more than one flush interval (1 s) after the hard state
        first.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).doesNotContain("Successfully shutdown");

        Process second = start();
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.readString(log).split("INITIAL SERVICE STATE", -1).length < 3) {
            assertThat(System.nanoTime()).as(Files.readString(dir.resolve("out.txt"))).isLessThan(deadline);
            Thread.sleep(50);
        }
        second.destroy();
        second.waitFor(10, TimeUnit.SECONDS);
        assertThat(Files.readString(log)).contains("INITIAL SERVICE STATE: local;svc;CRITICAL;HARD;2;CRITICAL: state2");
    }
}
