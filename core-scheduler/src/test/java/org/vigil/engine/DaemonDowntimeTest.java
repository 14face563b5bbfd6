package org.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.LoadResult;
import org.vigil.engine.command.CommandType;
import org.vigil.engine.command.ExternalCommand;
import org.vigil.engine.daemon.Daemon;
import org.vigil.engine.testkit.TestConfig;

/** The running daemon ticks downtimes every second and writes their blocks to status.dat. */
class DaemonDowntimeTest {

    @TempDir
    Path dir;

    @Test
    void downtimeStartsOnTheSecondAndShowsInTheStatusFile() throws Exception {
        LoadResult config = TestConfig.loadExactly(dir, """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                status_file=var/status.dat
                status_update_interval=1
                retain_state_information=0
                interval_length=60
                illegal_macro_output_chars=`
                """, TestConfig.CHECK_AND_ADMIN + """
                define host {
                    host_name local
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name local
                    service_description ok
                    check_command check
                    max_check_attempts 1
                    check_interval 60
                    retry_interval 1
                    contacts admin
                }
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            daemon.start();
            long now = Instant.now().getEpochSecond();
            assertThat(daemon.commands().call(ExternalCommand.of(CommandType.SCHEDULE_HOST_DOWNTIME, Instant.now(),
                    "local", Long.toString(now + 1), Long.toString(now + 3600), "1", "0", "0", "ops", "patching")))
                    .isEmpty();
            Path status = dir.resolve("var/status.dat");
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline
                    && !(Files.exists(status) && Files.readString(status).contains("is_in_effect=1"))) {
                Thread.sleep(100);
            }
            String text = Files.readString(status);
            assertThat(text).contains("hostdowntime {\n\thost_name=local\n\tdowntime_id=1\n\tcomment_id=2\n")
                    .contains("\tis_in_effect=1\n\tstart_notification_sent=1\n\tauthor=ops\n\tcomment=patching\n\t}\n")
                    .contains("\tscheduled_downtime_depth=1\n");
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("HOST DOWNTIME ALERT: local;STARTED; Host has entered a period of scheduled downtime");
    }
}
