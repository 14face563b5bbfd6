package org.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.daemon.Daemon;

/** State survives a restart in embedded H2; removed objects drop theirs, new ones start PENDING. */
class DaemonRetentionTest {

    @TempDir
    Path dir;

    private static final String SERVICE = """
            define service {
                host_name local
                service_description %s
                check_command check_dummy!%s
                max_check_attempts 1
                check_interval 1
                retry_interval 1
                contacts admin
            }
            """;

    private void config(String... services) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                state_retention_file=var/retention.dat
                interval_length=1
                log_initial_states=1
                illegal_macro_output_chars=`
                """);
        StringBuilder objects = new StringBuilder("""
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
                """);
        for (int i = 0; i < services.length; i += 2) {
            objects.append(SERVICE.formatted(services[i], services[i + 1]));
        }
        Files.writeString(dir.resolve("objects.cfg"), objects);
    }

    private String runFor(Duration d) throws Exception {
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            daemon.start();
            Thread.sleep(d.toMillis());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stateSurvivesARestartAndFollowsTheConfig() throws Exception {
        config("kept", "2", "removed", "1");
        String first = runFor(Duration.ofMillis(2500));
        assertThat(first).contains("SERVICE ALERT: local;kept;CRITICAL;HARD;1;CRITICAL: state2");

        config("kept", "2", "added", "0");
        String second = runFor(Duration.ofMillis(300));
        assertThat(second).contains("Retention: restored",
                "INITIAL SERVICE STATE: local;kept;CRITICAL;HARD;1;CRITICAL: state2",
                "INITIAL SERVICE STATE: local;added;OK;HARD;1;(null)");
        assertThat(second).doesNotContain("local;removed");

        config("kept", "2", "removed", "1");
        String third = runFor(Duration.ofMillis(300));
        // the removed service's state was dropped with the second run: it starts over, PENDING
        assertThat(third).contains("INITIAL SERVICE STATE: local;removed;OK;HARD;1;(null)");
    }

    @Test
    void theEventIdsSurviveARestartThoughResultsThatChangeNoStateNoLongerSaveThem() throws Exception {
        config("kept", "2");
        Files.writeString(dir.resolve("nagios.cfg"), "status_file=var/status.dat\n",
                java.nio.file.StandardOpenOption.APPEND);
        runFor(Duration.ofMillis(2500)); // the first result moves the ids (a state change), the later ones do not
        String before = nextIds();
        assertThat(before).contains("next_event_id=").doesNotContain("next_event_id=1\n");

        runFor(Duration.ofMillis(300));
        assertThat(nextIds()).isEqualTo(before);
    }

    private String nextIds() throws IOException {
        return Files.readAllLines(dir.resolve("var/status.dat")).stream()
                .filter(l -> l.startsWith("\tnext_event_id=") || l.startsWith("\tnext_problem_id="))
                .reduce("", (a, b) -> a + b.strip() + "\n");
    }
}
