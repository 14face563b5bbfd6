package org.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.daemon.Daemon;

/**
 * The daemon with Debian's monitoring plugins and a scripted plugin, on a real clock with
 * interval_length=1: states, log lines and status.dat as Nagios would leave them.
 */
class DaemonPluginsTest {

    private static final Path PLUGINS = Path.of("/usr/lib/nagios/plugins");

    @TempDir
    Path dir;

    @Test
    void realPluginsDriveStatesLogAndStatusFile() throws Exception {
        assertThat(PLUGINS.resolve("check_dummy")).as("install monitoring-plugins-basic (bin/test does)")
                .exists();
        Path flip = dir.resolve("flip.sh");
        Files.writeString(flip, "#!/bin/sh\ns=$(cat " + dir.resolve("state") + ")\necho \"FLIP $s | v=$s;1;2\"\n"
                + "echo \"line two\"\nexit $s\n");
        Files.setPosixFilePermissions(flip, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("state"), "2");
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = open.getLocalPort();
            Files.writeString(dir.resolve("nagios.cfg"), """
                    cfg_file=objects.cfg
                    resource_file=resource.cfg
                    log_file=var/nagios.log
                    status_file=var/status.dat
                    status_update_interval=1
                    interval_length=1
                    log_service_retries=1
                    illegal_macro_output_chars=`~$&|'"<>
                    """);
            Files.writeString(dir.resolve("resource.cfg"), "$USER1$=" + PLUGINS + "\n");
            Files.writeString(dir.resolve("objects.cfg"), """
                    define command {
                        command_name check_dummy
                        command_line $USER1$/check_dummy $ARG1$ "$ARG2$"
                    }
                    define command {
                        command_name check_tcp
                        command_line $USER1$/check_tcp -H 127.0.0.1 -p $ARG1$ -t 2
                    }
                    define command {
                        command_name flip
                        command_line %s
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
                        name generic
                        host_name local
                        max_check_attempts 2
                        check_interval 1
                        retry_interval 1
                        contacts admin
                        register 0
                    }
                    define service {
                        use generic
                        service_description dummy-warning
                        check_command check_dummy!1!careful
                    }
                    define service {
                        use generic
                        service_description tcp
                        check_command check_tcp!%d
                    }
                    define service {
                        use generic
                        service_description flip
                        check_command flip
                    }
                    """.formatted(flip, port));
            LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
            assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            try (Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(console, true,
                    StandardCharsets.UTF_8))) {
                daemon.start();
                Path log = dir.resolve("var/nagios.log");
                await(() -> read(log).contains("SERVICE ALERT: local;dummy-warning;WARNING;HARD;2;WARNING: careful")
                        && read(log).contains("SERVICE ALERT: local;flip;CRITICAL;HARD;2;FLIP 2"));
                assertThat(read(log)).doesNotContain("local;tcp;CRITICAL");

                open.close(); // the port goes away: check_tcp fails
                await(() -> read(log).contains("SERVICE ALERT: local;tcp;CRITICAL;HARD;2"));
                Files.writeString(dir.resolve("state"), "0");
                await(() -> read(log).contains("SERVICE ALERT: local;flip;OK;HARD;2;FLIP 0"));
                await(() -> read(dir.resolve("var/status.dat")).contains("\tplugin_output=FLIP 0\n"));
                String status = read(dir.resolve("var/status.dat"));
                assertThat(status).contains("\tservice_description=flip\n", "\tperformance_data=v=0;1;2\n",
                        "\tlong_plugin_output=line two\n", "\tservice_description=tcp\n");
            }
            // the last state is in status.dat; the log ends with the program's end, as avail.cgi reads it
            assertThat(read(dir.resolve("var/status.dat"))).contains("\tplugin_output=FLIP 0\n");
            String log = read(dir.resolve("var/nagios.log"));
            assertThat(log.substring(log.lastIndexOf("\n", log.length() - 2) + 1)).contains("Successfully shutdown");
            assertThat(log).doesNotContain("CURRENT SERVICE STATE");
        }
    }

    /** A host whose plugin says CRITICAL goes DOWN (it once stayed UP: DOWN, 1, was read again as WARNING). */
    @Test
    void hostWhoseCheckFailsGoesDown() throws Exception {
        try (Daemon daemon = startDummies("status_update_interval=1\ncached_host_check_horizon=0\n", """
                define host {
                    name generic
                    max_check_attempts 2
                    check_interval 1
                    retry_interval 1
                    contacts admin
                    register 0
                }
                define host {
                    use generic
                    host_name gone
                    check_command check_dummy!2!host gone
                }
                define host {
                    use generic
                    host_name warned
                    check_command check_dummy!1!host warned
                }
                define service {
                    host_name warned
                    service_description svc
                    check_command check_dummy!0!fine
                    max_check_attempts 1
                    check_interval 60
                    retry_interval 1
                    contacts admin
                }
                """)) {
            Path log = dir.resolve("var/nagios.log");
            awaitLog(log, "HOST ALERT: gone;DOWN;HARD;2;CRITICAL: host gone");
            assertThat(read(log)).contains("HOST ALERT: gone;DOWN;SOFT;1;CRITICAL: host gone")
                    .as("a WARNING host is UP without use_aggressive_host_checking").doesNotContain("HOST ALERT: warned");
            await(() -> read(dir.resolve("var/status.dat")).contains("\tplugin_output=CRITICAL: host gone\n"));
            String gone = read(dir.resolve("var/status.dat")).split("host_name=gone\n", 2)[1];
            assertThat(gone).contains("\tcurrent_state=1\n");
        }
    }

    /**
     * With a cache horizon, a host's retry within the horizon of its last check is not run (Nagios 4.4.6's
     * run_async_host_check aborts it and run_scheduled_host_check moves it one interval on, until the horizon has
     * passed; seen on nagios4 in the differential scenario check-host-cache-horizon). It once ran at once.
     */
    @Test
    void hostRetryWithinTheCacheHorizonWaitsForIt() throws Exception {
        try (Daemon daemon = startDummies("cached_host_check_horizon=4\n", """
                define host {
                    host_name gone
                    check_command check_dummy!2!host gone
                    max_check_attempts 2
                    check_interval 1
                    retry_interval 1
                    contacts admin
                }
                define service {
                    host_name gone
                    service_description svc
                    check_command check_dummy!0!fine
                    max_check_attempts 1
                    check_interval 60
                    retry_interval 1
                    contacts admin
                }
                """)) {
            Path log = dir.resolve("var/nagios.log");
            await(() -> read(log).contains("HOST ALERT: gone;DOWN;HARD;2;"));
            long soft = timeOf(read(log), "HOST ALERT: gone;DOWN;SOFT;1;");
            long hard = timeOf(read(log), "HOST ALERT: gone;DOWN;HARD;2;");
            assertThat(hard - soft).as("seconds from the first result to the retry's").isGreaterThanOrEqualTo(4);
        }
    }

    /** A started daemon on {@code objects} with a check_dummy command and an admin contact, interval_length=1. */
    private Daemon startDummies(String extraMain, String objects) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                status_file=var/status.dat
                interval_length=1
                illegal_macro_output_chars=`~$&|'"<>
                """ + extraMain);
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line %s/check_dummy $ARG1$ "$ARG2$"
                }
                define contact {
                    contact_name admin
                    host_notification_commands check_dummy!0
                    service_notification_commands check_dummy!0
                }
                """.formatted(PLUGINS) + objects);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        daemon.start();
        return daemon;
    }

    private static long timeOf(String log, String text) {
        for (String line : log.split("\n")) {
            if (line.contains(text)) {
                return Long.parseLong(line.substring(1, line.indexOf(']')));
            }
        }
        throw new AssertionError("no '" + text + "' in\n" + log);
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void awaitLog(Path log, String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!read(log).contains(line)) {
            assertThat(System.nanoTime()).as("waited 30 s for '%s' in\n%s", line, read(log)).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for the daemon").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
