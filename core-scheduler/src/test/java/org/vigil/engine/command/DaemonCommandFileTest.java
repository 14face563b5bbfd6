package org.vigil.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.engine.command.CommandFileTest.await;
import static org.vigil.engine.command.CommandFileTest.sh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.Engine;
import org.vigil.engine.daemon.Daemon;
import org.vigil.engine.state.CheckableStatus;

/**
 * The daemon with a real command file, written by a separate process as scripts write it: results, a forced
 * check and garbage. The good lines change state, each bad one gives one error with its reason, the daemon
 * runs on, and the switches commands set survive a restart.
 */
class DaemonCommandFileTest {

    @TempDir
    Path dir;

    @Test
    void commandsWrittenByAnotherProcessDriveTheDaemon() throws Exception {
        Path fifo = dir.resolve("var/rw/nagios.cmd");
        Files.createDirectories(fifo.getParent());
        LoadResult config = config(fifo);
        Path log = dir.resolve("var/nagios.log");
        try (Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8))) {
            daemon.start();
            assertThat(read(log)).contains("External commands: reading " + fifo);
            long now = System.currentTimeMillis() / 1000;
            sh("printf '[%s] PROCESS_SERVICE_CHECK_RESULT;local;passive;2;CRIT - from a script|x=1\\n' " + now
                    + " > " + fifo);
            sh("printf '[%s] SCHEDULE_FORCED_SVC_CHECK;local;forced;%s\\n' " + now + " " + now + " > " + fifo);
            sh("printf '\\001\\002\\377\\376 junk\\n' > " + fifo
                    + " && printf '[%s] FROB_EVERYTHING;local\\n' " + now + " > " + fifo
                    + " && printf 'DISABLE_SVC_CHECK;local;passive\\n' > " + fifo
                    + " && printf '[%s] PROCESS_SERVICE_CHECK_RESULT;local;passive\\n' " + now + " > " + fifo
                    + " && printf '[%s] PROCESS_SERVICE_CHECK_RESULT;nohost;passive;0;x\\n' " + now + " > " + fifo);
            await(() -> read(log).contains("SERVICE ALERT: local;forced;WARNING;HARD;1;WARNING: forced-run")
                    && read(log).contains("nohost;passive;0;x returned error"));

            String text = read(log);
            assertThat(text).contains(
                    "] EXTERNAL COMMAND: PROCESS_SERVICE_CHECK_RESULT;local;passive;2;CRIT - from a script|x=1\n",
                    "] PASSIVE SERVICE CHECK: local;passive;0;(null)\n", // Nagios 4.4.6 logs the state before the result
                    "] SERVICE ALERT: local;passive;CRITICAL;HARD;1;CRIT - from a script\n",
                    "] EXTERNAL COMMAND: SCHEDULE_FORCED_SVC_CHECK;local;forced;" + now + "\n",
                    "] External command ??\uFFFD\uFFFD junk returned error Malformed command (a command line starts "
                            + "with '[timestamp] ')\n",
                    "] Warning: Unrecognized external command -> FROB_EVERYTHING;local\n",
                    "] External command [" + now + "] FROB_EVERYTHING;local returned error Unknown or unsupported "
                            + "command (Vigil does not know the command 'FROB_EVERYTHING')\n",
                    "] External command DISABLE_SVC_CHECK;local;passive returned error Malformed command (a command "
                            + "line starts with '[timestamp] ')\n",
                    "] External command [" + now + "] PROCESS_SERVICE_CHECK_RESULT;local;passive returned error "
                            + "Command failed (PROCESS_SERVICE_CHECK_RESULT takes 4 arguments (host_name;"
                            + "service_description;return_code;plugin_output), got 2)\n",
                    "] Warning:  Passive check result was received for service 'passive' on host 'nohost', but the "
                            + "host could not be found!\n",
                    "] External command [" + now + "] PROCESS_SERVICE_CHECK_RESULT;nohost;passive;0;x returned error "
                            + "Command failed (no host 'nohost')\n");
            List<String> errors = text.lines().filter(l -> l.contains(" returned error ")).toList();
            assertThat(errors).hasSize(5);

            Engine engine = daemon.engine();
            assertThat(engine.call(() -> status(engine, "passive").displayState())).isEqualTo("CRITICAL");
            assertThat(engine.call(() -> status(engine, "passive").perfData())).isEqualTo("x=1");
            assertThat(engine.call(() -> status(engine, "passive").activeChecksEnabled())).isFalse();
            assertThat(engine.call(() -> status(engine, "forced").displayState())).isEqualTo("WARNING");
            assertThat(engine.call(() -> status(engine, "forced").activeChecksEnabled())).isFalse();

            // still reading: a last command, which must also outlive a restart
            sh("printf '[%s] DISABLE_SVC_NOTIFICATIONS;local;passive\\n[%s] DISABLE_NOTIFICATIONS\\n' " + now + " "
                    + now + " > " + fifo);
            await(() -> read(log).contains("EXTERNAL COMMAND: DISABLE_NOTIFICATIONS;"));
            assertThat(engine.call(() -> status(engine, "passive").notificationsEnabled())).isFalse();
            assertThat(engine.call(engine.switches()::notificationsEnabled)).isFalse();
        }
        assertThat(fifo).exists(); // nagios4 leaves it too: the next start reads it again

        try (Daemon again = new Daemon(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))) {
            again.start();
            Engine engine = again.engine();
            assertThat(engine.call(() -> status(engine, "passive").notificationsEnabled())).isFalse();
            assertThat(engine.call(() -> status(engine, "passive").displayState())).isEqualTo("CRITICAL");
            assertThat(engine.call(engine.switches()::notificationsEnabled)).isFalse();
            assertThat(engine.call(() -> status(engine, "forced").displayState())).isEqualTo("WARNING");
            assertThat(fifo).exists();
        }
    }

    /**
     * Lines at and over the limits (docs/api.md): over them, one error naming the command, with only the line's
     * start in the log, and nothing changes; at them, the command is carried out.
     */
    @Test
    void linesOverTheLimitsAreRefusedAndChangeNothing() throws Exception {
        Path fifo = dir.resolve("var/rw/nagios.cmd");
        Files.createDirectories(fifo.getParent());
        Path log = dir.resolve("var/nagios.log");
        try (Daemon daemon = new Daemon(config(fifo), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8))) {
            daemon.start();
            long now = System.currentTimeMillis() / 1000;
            String result = "[" + now + "] PROCESS_SERVICE_CHECK_RESULT;local;passive;2;";
            String comment = "[" + now + "] ADD_SVC_COMMENT;local;passive;1;me;";
            List<String> lines = List.of(
                    result + "o".repeat(CommandLimits.MAX_LINE_BYTES + 1000), // over the line: dropped by the reader
                    comment + "c".repeat(CommandLimits.MAX_COMMENT_BYTES + 1), // over the comment
                    "[" + now + "] ADD_SVC_COMMENT;local;passive;1;" + "a".repeat(CommandLimits.MAX_AUTHOR_BYTES + 1)
                            + ";author too long",
                    comment + "\u00e9".repeat(CommandLimits.MAX_COMMENT_BYTES / 2 + 1), // 8194 bytes in 4097 chars
                    comment + "k".repeat(CommandLimits.MAX_COMMENT_BYTES), // at the limit: kept
                    result + "w".repeat(CommandLimits.MAX_LINE_BYTES - (int) CommandLimits.bytes(result)), // the whole line
                    "[" + now + "] DISABLE_NOTIFICATIONS");
            Path written = dir.resolve("lines.txt");
            Files.write(written, lines, StandardCharsets.UTF_8);
            sh("cat " + written + " > " + fifo);
            await(() -> read(log).contains("EXTERNAL COMMAND: DISABLE_NOTIFICATIONS"));

            String text = read(log);
            List<String> refused = text.lines().filter(l -> l.contains("Error: external command ")
                    || l.contains(" returned error ")).toList();
            assertThat(refused).hasSize(4).allSatisfy(l -> assertThat(l).hasSizeLessThan(600));
            assertThat(refused.get(0)).contains("] Error: external command PROCESS_SERVICE_CHECK_RESULT ignored: its "
                    + "line is " + (CommandLimits.bytes(lines.get(0))) + " bytes, more than the 65536 allowed: ["
                    + now + "] PROCESS_SERVICE_CHECK_RESULT;local;passive;2;ooo");
            assertThat(refused.get(1)).contains("ADD_SVC_COMMENT;local;passive;1;me;ccc", "... returned error Command "
                    + "failed (the comment is 8193 bytes, more than the 8192 allowed)");
            assertThat(refused.get(2)).contains("returned error Command failed (the author is 1025 bytes, more than "
                    + "the 1024 allowed)");
            assertThat(refused.get(3)).contains("(the comment is 8194 bytes, more than the 8192 allowed)");

            Engine engine = daemon.engine();
            List<String> kept = engine.call(() -> engine.comments().all().stream().map(c -> c.text()).toList());
            assertThat(kept).containsExactly("k".repeat(CommandLimits.MAX_COMMENT_BYTES));
            assertThat(engine.call(() -> status(engine, "passive").pluginOutput())).startsWith("www")
                    .hasSize(CommandLimits.MAX_LINE_BYTES - (int) CommandLimits.bytes(result));
            assertThat(engine.call(engine.switches()::notificationsEnabled)).isFalse();
        }
    }

    @Test
    void aRegularFileInPlaceOfThePipeIsLoggedAndTheDaemonRunsOn() throws Exception {
        Path file = dir.resolve("var/rw/nagios.cmd");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[1] LEFT BEHIND\n");
        try (Daemon daemon = new Daemon(config(file), Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8))) {
            daemon.start();
            assertThat(read(dir.resolve("var/nagios.log"))).contains("] Error: external commands are off: the "
                    + "command_file '" + file + "' exists and is not a named pipe (a regular file)");
            assertThat(daemon.engine().call(() -> daemon.engine().services().size())).isEqualTo(2);
        }
        assertThat(file).hasContent("[1] LEFT BEHIND");
    }

    private static CheckableStatus<?> status(Engine engine, String service) {
        return engine.statusOf(engine.serviceTarget(new ServiceKey("local", service)).orElseThrow());
    }

    private LoadResult config(Path commandFile) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                state_retention_file=var/retention.dat
                check_external_commands=1
                command_file=%s
                interval_length=60
                illegal_macro_output_chars=`
                """.formatted(commandFile));
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ $ARG2$
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy!0
                    service_notification_commands check_dummy!0
                }
                define host {
                    host_name local
                    check_command check_dummy!0!up
                    max_check_attempts 1
                    check_interval 60
                    contacts admin
                }
                define service {
                    host_name local
                    service_description passive
                    check_command check_dummy!0!never-run
                    active_checks_enabled 0
                    max_check_attempts 1
                    check_interval 60
                    contacts admin
                }
                define service {
                    host_name local
                    service_description forced
                    check_command check_dummy!1!forced-run
                    active_checks_enabled 0
                    max_check_attempts 1
                    check_interval 60
                    contacts admin
                }
                """);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        return config;
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
