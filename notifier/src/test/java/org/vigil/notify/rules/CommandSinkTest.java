package org.vigil.notify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.exec.DirectRunner;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.checks.macro.MacroResolver;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;

/** The contact's notification commands run for real: macros, environment macros, timeout. */
class CommandSinkTest {

    @TempDir
    Path dir;

    private LoadResult load(String extraMain) throws Exception {
        Path out = dir.resolve("out.txt");
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nillegal_macro_output_chars=`\n"
                + "use_timezone=UTC\n" + extraMain);
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name notify-by-file
                    command_line /bin/sh -c 'echo "$NOTIFICATIONTYPE$ $NOTIFICATIONNUMBER$ $CONTACTEMAIL$ \
                $HOSTNAME$ $SERVICEDESC$ $SERVICESTATE$ $SERVICEOUTPUT$ $ARG1$ env=$NAGIOS_CONTACTEMAIL" >> @FILE@'
                }
                define command {
                    command_name slow
                    command_line /bin/sleep 5
                }
                define contact {
                    contact_name admin
                    email admin@example.com
                    host_notification_commands notify-by-file
                    service_notification_commands notify-by-file!first
                }
                define host {
                    host_name web1
                    check_command slow
                    max_check_attempts 1
                }
                define service {
                    host_name web1
                    service_description http
                    check_command slow
                    max_check_attempts 1
                }
                """.replace("@FILE@", out.toString()));
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        return config;
    }

    private static Notification notification(LoadResult config, List<String> commands) {
        return new Notification(Reason.NORMAL, "PROBLEM", "web1", new ServiceKey("web1", "http"),
                config.model().contacts().get("admin"), commands, 3, "CRITICAL", "CRITICAL - down", null, null,
                false, Instant.parse("2026-11-25T10:00:00Z"), List.of("admin"),
                Map.of("NOTIFICATIONTYPE", "PROBLEM", "NOTIFICATIONNUMBER", "3", "SERVICESTATE", "CRITICAL",
                        "SERVICEOUTPUT", "CRITICAL - down"));
    }

    @Test
    void runsTheCommandWithNotificationContactAndEnvironmentMacros() throws Exception {
        LoadResult config = load("enable_environment_macros=1\n");
        List<String> log = new CopyOnWriteArrayList<>();
        try (DirectRunner runner = new DirectRunner(RunnerOptions.defaults());
             CommandSink sink = new CommandSink(new MacroResolver(config.model(), config.mainConfig(),
                     RuntimeMacros.NONE, Clock.systemUTC()), runner, config.mainConfig(), log::add, 1)) {
            PluginResult r = sink.run(notification(config, List.of("notify-by-file!first")), "notify-by-file!first");
            assertThat(r.exitCode()).isZero();
        }
        assertThat(Files.readString(dir.resolve("out.txt")).strip()).isEqualTo(
                "PROBLEM 3 admin@example.com web1 http CRITICAL CRITICAL - down first env=admin@example.com");
        assertThat(log).isEmpty();
    }

    @Test
    void aCommandOverNotificationTimeoutIsKilledAndLogged() throws Exception {
        LoadResult config = load("notification_timeout=1\n");
        List<String> log = new CopyOnWriteArrayList<>();
        try (DirectRunner runner = new DirectRunner(RunnerOptions.defaults());
             CommandSink sink = new CommandSink(new MacroResolver(config.model(), config.mainConfig(),
                     RuntimeMacros.NONE, Clock.systemUTC()), runner, config.mainConfig(), log::add, 1)) {
            long start = System.nanoTime();
            PluginResult r = sink.run(notification(config, List.of("slow")), "slow");
            assertThat(r.timedOut()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4000);
        }
        assertThat(log).containsExactly("Warning: Timeout while notifying contact 'admin' of service 'http' on host"
                + " 'web1' by command '/bin/sleep 5'");
    }
}
