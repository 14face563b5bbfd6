package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.cli.receivers.Ports;

/**
 * Livestatus through the real daemon and the real client: {@code vigil run} with a
 * {@code broker_module=.../livestatus.o <socket>} line and {@code livestatus: listen:} in vigil.yml, queried by Debian's Monitoring::Livestatus (Perl,
 * libmonitoring-livestatus-perl; it asks for JSON with a fixed16 header) over the Unix socket and over TCP:
 * selections, filters, stats (Nagios's columns raw, Vigil's {@code handled} on the pages' rule), AuthUser, a long
 * poll woken by a passive result (through the command file, and through a COMMAND), a COMMAND that acknowledges (shown by the next query, logged as the command file's), errors, a reload
 * (the socket stays, answers come from the new engine) and the socket's removal at stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivestatusProcessTest {

    @TempDir
    static Path dir;

    private static Process vigil;
    private static Path out;
    private static Path socket;
    private static String tcp;

    @BeforeAll
    static void startVigil() throws Exception {
        socket = dir.resolve("rw/live");
        Files.createDirectories(socket.getParent());
        int port = Ports.free();
        tcp = "127.0.0.1:" + port;
        Files.writeString(dir.resolve("nagios.cfg"), """
                cfg_file=objects.cfg
                log_file=nagios.log
                command_file=nagios.cmd
                check_external_commands=1
                retain_state_information=0
                broker_module=/usr/lib/check_mk/livestatus.o rw/live num_client_threads=16
                """);
        writeObjects(false);
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                livestatus:
                  listen: "%s"
                """.formatted(tcp));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        out = dir.resolve("out.txt");
        vigil = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", "vigil.yml", "nagios.cfg")).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        await("Livestatus listening", () -> output().contains("Livestatus: answering on unix:" + socket
                + " and tcp:" + tcp));
        command("PROCESS_SERVICE_CHECK_RESULT;web1;disk;1;DISK WARNING - 85% used");
        command("PROCESS_SERVICE_CHECK_RESULT;db1;mysql;2;MYSQL CRITICAL - refused");
        await("the passive results", () -> perl(socket.toString(), "stats").startsWith("1;1;1;0\n"));
    }

    @AfterAll
    static void stopVigil() throws Exception {
        if (vigil != null && vigil.isAlive()) {
            vigil.destroy();
            vigil.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void selectionsFiltersAndStatsOverTheUnixSocketAndOverTcp() {
        assertThat(Files.exists(socket)).isTrue();
        for (String peer : List.of(socket.toString(), tcp)) {
            assertThat(perl(peer, "select")).isEqualTo("""
                    db1;mysql;2;MYSQL CRITICAL - refused
                    web1;disk;1;DISK WARNING - 85% used
                    web1;http;0;
                    """);
            assertThat(perl(peer, "filter")).isEqualTo("web1;disk\n");
            assertThat(perl(peer, "stats")).isEqualTo("1;1;1;0\ndb1;1\nweb1;1\n");
            assertThat(perl(peer, "hashref")).isEqualTo("db1;1\nweb1;2\n");
            assertThat(perl(peer, "keepalive")).isEqualTo("db1\nweb1\n1\n");
        }
    }

    @Test
    @Order(2)
    void authUserSeesTheObjectsOfItsContactOnly() {
        assertThat(perl(socket.toString(), "authuser", "alice")).isEqualTo("web1;disk\nweb1;http\n");
        assertThat(perl(tcp, "authuser", "bob")).isEqualTo("db1;mysql\n");
    }

    @Test
    @Order(3)
    void aLongPollWakesOnTheStateChangeOfAPassiveResultThroughTheCommandFileOrACommand() throws Exception {
        Process waiting = perlStarted(socket.toString(), "wait", "web1;http", "2");
        Thread.sleep(1500);
        assertThat(waiting.isAlive()).as("waits while the condition does not hold").isTrue();
        command("PROCESS_SERVICE_CHECK_RESULT;web1;http;2;HTTP CRITICAL - 503");
        assertThat(waiting.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String woke = new String(waiting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(woke).startsWith("2;HTTP CRITICAL - 503\nwaited ");
        assertThat(Double.parseDouble(woke.substring(woke.indexOf("waited ") + 7).strip())).isLessThan(15);

        Process back = perlStarted(tcp, "wait", "web1;http", "0");
        Thread.sleep(1500);
        assertThat(back.isAlive()).isTrue();
        assertThat(perl(tcp, "command", "PROCESS_SERVICE_CHECK_RESULT;web1;http;0;HTTP OK")).isEqualTo("sent\n");
        assertThat(back.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(back.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .startsWith("0;HTTP OK\nwaited ");
    }

    @Test
    @Order(4)
    void aCommandAcknowledgesAProblemWhichTheNextQueryShowsLoggedAsTheCommandFilesAre() throws Exception {
        assertThat(perl(socket.toString(), "ack", "db1;mysql")).isEqualTo("1\n");
        await("the log line", () -> read(dir.resolve("nagios.log")).contains(
                "EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;db1;mysql;1;0;1;alice;seen by the test"));
    }

    @Test
    @Order(5)
    void nagiosColumnsStayRawAndVigilsHandledColumnsFollowTheOneRule() throws Exception {
        command("PROCESS_HOST_CHECK_RESULT;web1;1;PING CRITICAL - down");
        await("web1 DOWN", () -> perl(socket.toString(), "handled").contains("\nweb1;1;0;0;unhandled\n"));
        assertThat(perl(tcp, "command", "ACKNOWLEDGE_HOST_PROBLEM;web1;1;0;1;alice;on it")).isEqualTo("sent\n");
        await("web1 DOWN and acknowledged", () -> perl(socket.toString(), "handled").contains("web1;1;1;1;"));
        // web1;disk (WARNING, not acknowledged itself) is handled by its DOWN host's acknowledgement, as the pages
        // say; Nagios's columns still count it unhandled, as Naemon's livestatus does
        assertThat(perl(socket.toString(), "handled")).isEqualTo("""
                1;0
                db1;mysql;1;1;acknowledged;0
                web1;disk;0;1;acknowledged;1
                db1;0;0;0;
                web1;1;1;1;acknowledged
                """);
    }

    @Test
    @Order(6)
    void errorsAreAnsweredWithTheirCodeAndGarbageIsAnsweredBeforeTheConnectionCloses() throws Exception {
        assertThat(perl(tcp, "error")).startsWith("404;");
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            c.write(ByteBuffer.wrap("\u0000\u00ff garbage\n\n".getBytes(StandardCharsets.ISO_8859_1)));
            String answer = new String(Channels.newInputStream(c).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("Invalid request method");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw----");
    }

    @Test
    @Order(7)
    void theSocketStaysUpAcrossAReloadAndAnswersFromTheNewEngine() throws Exception {
        writeObjects(true);
        new ProcessBuilder("kill", "-HUP", Long.toString(vigil.pid())).start().waitFor();
        await("the reload", () -> output().contains("Caught SIGHUP, restarting..."));
        await("the new service", () -> perl(socket.toString(), "select").contains("web1;ftp;0;"));
        assertThat(perl(tcp, "select")).contains("db1;mysql;2;MYSQL CRITICAL - refused", "web1;ftp;0;");
    }

    @Test
    @Order(8)
    void theSocketIsRemovedAtStop() throws Exception {
        vigil.destroy();
        assertThat(vigil.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(socket)).isFalse();
        assertThat(output()).doesNotContain("Exception");
    }

    @Test
    @Order(8)
    void aSocketPathThatCannotBeListenedOnIsSaidAndMonitoringGoesOnWithoutLivestatus() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("nagios.cfg"), """
                cfg_file=../objects.cfg
                log_file=nagios.log
                retain_state_information=0
                broker_module=/usr/lib/check_mk/livestatus.o data.txt
                """);
        Files.writeString(other.resolve("data.txt"), "not a socket");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path printed = other.resolve("out.txt");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--no-web", "nagios.cfg")).directory(other.toFile())
                .redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        try {
            String said = "vigil run: Livestatus cannot listen: " + other.resolve("data.txt") + " exists and is not a"
                    + " socket: not replaced; monitoring goes on without it";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!read(printed).contains(said)) {
                assertThat(System.nanoTime()).as(read(printed)).isLessThan(deadline);
                assertThat(p.isAlive()).as(read(printed)).isTrue();
                Thread.sleep(100);
            }
            Thread.sleep(500);
            assertThat(p.isAlive()).isTrue();
            assertThat(Files.readString(other.resolve("data.txt"))).isEqualTo("not a socket");
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static void writeObjects(boolean withFtp) throws IOException {
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define contact {
                    contact_name alice
                    host_notification_commands check_dummy!0
                    service_notification_commands check_dummy!0
                }
                define contact {
                    contact_name bob
                    host_notification_commands check_dummy!0
                    service_notification_commands check_dummy!0
                }
                define host {
                    host_name web1
                    check_command check_dummy!0
                    max_check_attempts 1
                    active_checks_enabled 0
                    contacts alice
                }
                define host {
                    host_name db1
                    check_command check_dummy!0
                    max_check_attempts 1
                    active_checks_enabled 0
                    contacts bob
                }
                define service {
                    name passive
                    register 0
                    check_command check_dummy!0
                    max_check_attempts 1
                    check_interval 5
                    retry_interval 1
                    active_checks_enabled 0
                }
                define service {
                    use passive
                    host_name web1
                    service_description http
                    contacts alice
                }
                define service {
                    use passive
                    host_name web1
                    service_description disk
                    contacts alice
                }
                define service {
                    use passive
                    host_name db1
                    service_description mysql
                    contacts bob
                }
                """ + (withFtp ? """
                define service {
                    use passive
                    host_name web1
                    service_description ftp
                    contacts alice
                }
                """ : ""));
    }

    /** Runs the client script and returns what it printed; it must succeed. */
    private static String perl(String peer, String... caseAndArgs) {
        try {
            Process p = perlStarted(peer, caseAndArgs);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(printed).isZero();
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process perlStarted(String peer, String... caseAndArgs) throws IOException {
        Path script = Path.of("src/test/resources/livestatus/client.pl").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("perl", script.toString(), peer));
        command.addAll(List.of(caseAndArgs));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Writes {@code line} to the command file, as a script would. */
    private static void command(String line) throws Exception {
        Path fifo = dir.resolve("nagios.cmd");
        await("the command file", () -> Files.exists(fifo));
        Path text = Files.createTempFile(dir, "line", ".txt");
        Files.writeString(text, "[" + System.currentTimeMillis() / 1000 + "] " + line + "\n");
        Process p = new ProcessBuilder("/bin/sh", "-c", "cat '" + text + "' > '" + fifo + "'").start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    private static String output() {
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + "\n" + output()).isLessThan(deadline);
            assertThat(vigil.isAlive()).as(what + ": vigil ended\n" + output()).isTrue();
            Thread.sleep(200);
        }
    }
}
