package org.vigil.engine.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.Engine;
import org.vigil.engine.daemon.Daemon;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.state.ServiceStatus;

/**
 * What a reload hands over beyond object state, without retention: entries (comments, downtimes, acks) of the
 * objects that remain, fresh entry ids above the carried ones, and a check running during the swap, whose result
 * the new engine applies once, without starting it again.
 */
class ReloadHandoverTest {

    @TempDir
    Path dir;

    @Test
    void entriesAndARunningCheckCarryOver() throws Exception {
        Path slow = dir.resolve("slow.sh");
        Files.writeString(slow, "#!/bin/sh\necho start >> " + dir.resolve("runs.log") + "\nsleep 2\n"
                + "echo \"SLOW done\"\nexit 2\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
        String objects = """
                define command {
                    command_name slow
                    command_line %s
                }
                define contact {
                    contact_name admin
                    host_notification_commands slow
                    service_notification_commands slow
                }
                define host {
                    host_name local
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name local
                    service_description slow
                    check_command slow
                    max_check_attempts 1
                    check_interval 30
                    retry_interval 30
                    contacts admin
                }
                """.formatted(slow);
        String gone = """
                define service {
                    host_name local
                    service_description gone
                    check_command slow
                    max_check_attempts 1
                    check_interval 3600
                    active_checks_enabled 0
                    contacts admin
                }
                """;
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=nagios.log\ninterval_length=1\n"
                + "retain_state_information=0\nillegal_macro_output_chars=`\n");
        Files.writeString(dir.resolve("objects.cfg"), objects + gone);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        try (Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))) {
            daemon.start();
            Engine old = daemon.engine();
            Entry kept = new Entry(Entry.Kind.COMMENT, old.call(old.entrySink()::nextEntryId),
                    ObjectKey.service("local", "slow"),
                    Map.of("entry_type", "1", "entry_time", "1700000000", "author", "ops", "comment_data", "kept",
                            "persistent", "0", "source", "1", "expires", "0", "expire_time", "0"));
            Entry dropped = new Entry(Entry.Kind.COMMENT, old.call(old.entrySink()::nextEntryId),
                    ObjectKey.service("local", "gone"),
                    Map.of("entry_type", "1", "entry_time", "1700000000", "author", "ops", "comment_data",
                            "dropped", "persistent", "0", "source", "1", "expires", "0", "expire_time", "0"));
            old.call(() -> {
                old.entrySink().saveEntry(kept);
                old.entrySink().saveEntry(dropped);
                return null;
            });
            old.call(() -> old.scheduleCheck(old.serviceTarget(new org.vigil.config.model.ServiceKey("local", "slow"))
                    .orElseThrow(), java.time.Instant.now(), true));
            Path runs = dir.resolve("runs.log");
            long deadline = System.currentTimeMillis() + 20_000;
            while (!Files.exists(runs)) {
                assertThat(System.currentTimeMillis()).as("the slow check starts").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(old.runningChecks()).containsExactly(ObjectKey.service("local", "slow"));

            Files.writeString(dir.resolve("objects.cfg"), objects); // "gone" removed
            assertThat(daemon.reload("Caught SIGHUP, restarting...").applied()).isTrue();
            Engine fresh = daemon.engine();
            assertThat(fresh.call(fresh::entries)).containsExactly(kept);
            assertThat(fresh.call(fresh.entrySink()::nextEntryId)).isGreaterThan(dropped.id());

            deadline = System.currentTimeMillis() + 20_000;
            while (!"SLOW done".equals(fresh.call(() -> slowStatus(fresh).pluginOutput()))) {
                assertThat(System.currentTimeMillis()).as("the carried result is applied").isLessThan(deadline);
                Thread.sleep(50);
            }
            assertThat(fresh.call(() -> slowStatus(fresh).currentState().name())).isEqualTo("CRITICAL");
            Thread.sleep(1500); // the new engine must not have started it again meanwhile
            assertThat(Files.readAllLines(runs)).containsExactly("start");
            assertThat(fresh.call(() -> slowStatus(fresh).nextCheck()))
                    .isAfter(java.time.Instant.now().plusSeconds(20));
        }
        assertThat(Files.readString(dir.resolve("nagios.log"))).contains("SERVICE ALERT: local;slow;CRITICAL;HARD;1;SLOW done")
                .doesNotContain("could not be run");
    }

    private static ServiceStatus slowStatus(Engine engine) {
        return engine.services().stream().filter(s -> s.description().equals("slow")).findFirst().orElseThrow();
    }
}
