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
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.DirectRunner;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.RunnerOptions;
import org.vigil.checks.macro.MacroResolver;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.exec.NotificationCommand;
import org.vigil.engine.exec.NotificationDispatch;

/**
 * Notification commands offered to a {@link NotificationDispatch} (gearmand workers, issue 20) before they run: what
 * it takes is not run here (the command's file stays unwritten), what it declines or cannot be given runs as before.
 */
class CommandSinkDispatchTest {

    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    private LoadResult load() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nillegal_macro_output_chars=`\n"
                + "use_timezone=UTC\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name notify-by-file
                    command_line /bin/sh -c 'echo "$NOTIFICATIONTYPE$ $HOSTNAME$ $SERVICEDESC$ $ARG1$" >> @FILE@'
                }
                define contact {
                    contact_name admin
                    host_notification_commands notify-by-file
                    service_notification_commands notify-by-file!first
                }
                define host {
                    host_name web1
                    check_command notify-by-file
                    max_check_attempts 1
                }
                define service {
                    host_name web1
                    service_description http
                    check_command notify-by-file
                    max_check_attempts 1
                }
                """.replace("@FILE@", dir.resolve("out.txt").toString()));
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        return config;
    }

    private static Notification notification(LoadResult config) {
        return new Notification(Reason.NORMAL, "PROBLEM", "web1", new ServiceKey("web1", "http"),
                config.model().contacts().get("admin"), List.of("notify-by-file!first"), 1, "CRITICAL",
                "CRITICAL - down", null, null, false, AT, List.of("admin"),
                Map.of("NOTIFICATIONTYPE", "PROBLEM", "LONGSERVICEOUTPUT", "second line"));
    }

    private PluginResult runWith(NotificationDispatch dispatch, List<String> log) throws Exception {
        LoadResult config = load();
        try (DirectRunner runner = new DirectRunner(RunnerOptions.defaults());
             CommandSink sink = new CommandSink(new MacroResolver(config.model(), config.mainConfig(),
                     RuntimeMacros.NONE, Clock.systemUTC()), runner, config.mainConfig(), log::add, 1, dispatch)) {
            return sink.run(notification(config), "notify-by-file!first");
        }
    }

    private List<String> written() throws Exception {
        Path out = dir.resolve("out.txt");
        return Files.exists(out) ? Files.readAllLines(out) : List.of();
    }

    @Test
    void aCommandTheDispatchTakesIsNotRunHereAndCarriesWhatAWorkerNeeds() throws Exception {
        List<NotificationCommand> offered = new CopyOnWriteArrayList<>();
        List<String> log = new CopyOnWriteArrayList<>();
        PluginResult r = runWith(c -> offered.add(c), log);
        assertThat(r.failure()).isEqualTo(CommandSink.TAKEN);
        assertThat(written()).isEmpty();
        assertThat(offered).containsExactly(new NotificationCommand(CheckSubject.service("web1", "http"), "admin",
                "/bin/sh -c 'echo \"PROBLEM web1 http first\" >> " + dir.resolve("out.txt") + "'",
                "CRITICAL - down", "second line", AT));
        assertThat(log).isEmpty();
    }

    @Test
    void aCommandTheDispatchDeclinesRunsHere() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        assertThat(runWith(c -> false, log).exitCode()).isZero();
        assertThat(written()).containsExactly("PROBLEM web1 http first");
        assertThat(log).isEmpty();
    }

    @Test
    void aCommandThatCannotBeSentRunsHereAndTheLogSaysWhy() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        PluginResult r = runWith(c -> {
            throw new IllegalStateException("no gearmand answers");
        }, log);
        assertThat(r.exitCode()).isZero();
        assertThat(written()).containsExactly("PROBLEM web1 http first");
        assertThat(log).containsExactly("Warning: notification command '/bin/sh -c 'echo \"PROBLEM web1 http first\""
                + " >> " + dir.resolve("out.txt") + "'' for contact 'admin' could not be sent to a worker (no gearmand"
                + " answers): run here");
    }
}
