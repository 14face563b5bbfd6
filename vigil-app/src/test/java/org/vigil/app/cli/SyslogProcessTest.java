package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code use_syslog=1} through a real {@code vigil run} and a real syslog daemon: rsyslogd, started by the test on
 * a socket of its own ({@code -Dvigil.syslog.socket}), receives every line of the log, in order, without the time
 * stamp, as Nagios 4.4.6 sends them ({@code syslog(LOG_USER | LOG_INFO, ...)} without openlog: facility user,
 * priority info, the program's name as tag, no PID). What the log leaves out ({@code log_notifications=0},
 * {@code log_service_retries=0}) the system log does not get either, as Nagios decides before writing to both.
 */
class SyslogProcessTest {

    @TempDir
    Path dir;

    @Test
    void everyLogLineReachesTheSystemLogAsNagiosSendsIt() throws Exception {
        Process rsyslog = startRsyslog();
        try {
            writeConfig(1);
            Process vigil = startVigil();
            try {
                await(() -> read(log()).contains("SERVICE ALERT: local;svc;CRITICAL;HARD;2;CRITICAL: broken"),
                        "the hard alert");
            } finally {
                vigil.destroy(); // SIGTERM: a clean stop, whose last lines must reach syslog too
                assertThat(vigil.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            await(() -> read(received()).contains("Successfully shutdown"), "the last line in syslog");

            List<String> logged = read(log()).lines().map(l -> l.substring(l.indexOf("] ") + 2)).toList();
            List<String> got = read(received()).lines().toList();
            assertThat(got).allMatch(l -> l.startsWith(FIELDS), "user.info, tag nagios, no PID");
            assertThat(got.stream().map(l -> l.substring(FIELDS.length())).toList()).isEqualTo(logged);
            assertThat(logged).contains("SERVICE ALERT: local;svc;CRITICAL;HARD;2;CRITICAL: broken")
                    .noneMatch(l -> l.contains("NOTIFICATION") || l.contains("SOFT;"));
        } finally {
            rsyslog.destroy();
            rsyslog.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aReloadThatTurnsUseSyslogOnSendsTheLinesFromThenOn() throws Exception {
        Process rsyslog = startRsyslog();
        try {
            writeConfig(0);
            Process vigil = startVigil();
            try {
                await(() -> read(log()).contains("SERVICE ALERT: local;svc;CRITICAL;HARD;2"), "the hard alert");
                writeConfig(1);
                new ProcessBuilder("kill", "-HUP", Long.toString(vigil.pid())).start().waitFor();
                // the reload's "starting..." line comes after the new config took over
                await(() -> read(received()).contains("starting..."), "the reload's lines in syslog");
            } finally {
                vigil.destroy();
                assertThat(vigil.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            await(() -> read(received()).contains("Successfully shutdown"), "the last line in syslog");
            assertThat(read(received())).doesNotContain("Caught SIGHUP")
                    .doesNotContain("SERVICE ALERT: local;svc;CRITICAL;HARD;2").contains("Successfully shutdown");
            assertThat(read(log())).contains("Caught SIGHUP", "SERVICE ALERT: local;svc;CRITICAL;HARD;2");
        } finally {
            rsyslog.destroy();
            rsyslog.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutASystemLogOneWarningSaysSoAndTheMonitorRuns() throws Exception {
        writeConfig(1); // no rsyslogd: the socket does not exist, as in most containers
        Process vigil = startVigil();
        try {
            await(() -> read(log()).contains("SERVICE ALERT: local;svc;CRITICAL;HARD;2"), "the hard alert");
        } finally {
            vigil.destroy();
            assertThat(vigil.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(read(log()).lines().filter(l -> l.contains("system log")).toList()).singleElement().asString()
                .endsWith("Warning: use_syslog is on but there is no system log at " + dir.resolve("log.sock")
                        + ": lines go to the log file only");
        assertThat(read(dir.resolve("out.txt"))).doesNotContain("logger:");
    }

    /** How the receiver writes a line from Nagios: facility.priority, the tag, no PID. */
    private static final String FIELDS = "user.info nagios: pid=-: ";

    private Path log() {
        return dir.resolve("var/nagios.log");
    }

    private Path received() {
        return dir.resolve("received.log");
    }

    private Process startRsyslog() throws Exception {
        assertThat(Path.of("/usr/sbin/rsyslogd")).as("install rsyslog (bin/test does)").exists();
        Path socket = dir.resolve("log.sock");
        Files.writeString(dir.resolve("rsyslog.conf"), """
                global(workDirectory="@DIR@")
                module(load="imuxsock" SysSock.Use="off")
                input(type="imuxsock" Socket="@SOCKET@" RateLimit.Interval="0")
                template(name="fields" type="string"
                         string="%syslogfacility-text%.%syslogseverity-text% %syslogtag% pid=%procid%:%msg%\\n")
                *.* action(type="omfile" file="@RECEIVED@" template="fields")
                """.replace("@DIR@", dir.toString()).replace("@SOCKET@", socket.toString())
                .replace("@RECEIVED@", received().toString()));
        Process rsyslog = new ProcessBuilder("/usr/sbin/rsyslogd", "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                "-i", dir.resolve("rsyslog.pid").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslog.out").toFile()).start();
        await(() -> Files.exists(socket), "rsyslogd's socket");
        return rsyslog;
    }

    private Process startVigil() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Dvigil.syslog.socket=" + dir.resolve("log.sock"), "-cp",
                System.getProperty("java.class.path"), "org.vigil.app.cli.Vigil", "run", "--no-web",
                dir.resolve("nagios.cfg").toString())).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    private void writeConfig(int useSyslog) throws IOException {
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=var/nagios.log
                state_retention_file=var/retention.dat
                use_syslog=%d
                log_notifications=0
                log_service_retries=0
                interval_length=1
                illegal_macro_output_chars=`
                """.formatted(useSyslog));
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
                    max_check_attempts 1
                    contacts admin
                }
                define service {
                    host_name local
                    service_description svc
                    check_command check_dummy!2!broken
                    max_check_attempts 2
                    check_interval 1
                    retry_interval 1
                    contacts admin
                }
                """);
    }

    private void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(() -> "waiting for " + what + "\n--- vigil ---\n"
                    + read(dir.resolve("out.txt")) + "\n--- rsyslogd ---\n" + read(dir.resolve("rsyslog.out")))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
