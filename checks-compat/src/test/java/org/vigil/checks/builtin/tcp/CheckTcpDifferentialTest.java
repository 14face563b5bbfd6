package org.vigil.checks.builtin.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.checks.builtin.tcp.TcpTarget.answers;
import static org.vigil.checks.builtin.tcp.TcpTarget.hangsUp;
import static org.vigil.checks.builtin.tcp.TcpTarget.says;
import static org.vigil.checks.builtin.tcp.TcpTarget.saysAfter;
import static org.vigil.checks.builtin.tcp.TcpTarget.saysInTwo;
import static org.vigil.checks.builtin.tcp.TcpTarget.silent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.builtin.BuiltinChecks;
import org.vigil.checks.exec.PluginResult;

/**
 * The built-in check_tcp against Debian's (monitoring-plugins 2.3.3) on the same local targets: same exit code,
 * same output with the response time masked (perfdata labels, units, thresholds and maximum compared as printed),
 * and where the plugin sends something, the same bytes on the wire.
 */
class CheckTcpDifferentialTest {

    static final Path PLUGINS = Path.of("/usr/lib/nagios/plugins");
    private static final String LOCAL = "127.0.0.1";

    /** Both outcomes of one comparison. */
    record Outcome(int code, String text) {
    }

    /** Runs the plugin and the built-in with {@code args}; asserts they agree and the plugin exits {@code code}. */
    static Outcome same(int code, String plugin, String... args) throws Exception {
        Outcome real = real(plugin, List.of(args));
        Outcome builtIn = builtIn(plugin, List.of(args));
        assertThat(mask(builtIn.text())).as("%s %s", plugin, List.of(args)).isEqualTo(mask(real.text()));
        assertThat(builtIn.code()).as("exit of %s %s: %s", plugin, List.of(args), real.text()).isEqualTo(real.code());
        assertThat(real.code()).as("the plugin's exit: %s", real.text()).isEqualTo(code);
        return builtIn;
    }

    static Outcome real(String plugin, List<String> args) throws Exception {
        Path program = PLUGINS.resolve(plugin);
        assertThat(Files.isExecutable(program)).as("Debian's %s is installed", program).isTrue();
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(args);
        Process p = new ProcessBuilder(argv).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(p.waitFor(), out);
    }

    static Outcome builtIn(String plugin, List<String> args) {
        BuiltinCheck.Prepared prepared = BuiltinChecks.standard().get(plugin).prepare(args);
        assertThat(prepared).as("%s %s is built in", plugin, args).isInstanceOf(BuiltinCheck.Ready.class);
        PluginResult r = ((BuiltinCheck.Ready) prepared).run().run(Duration.ofSeconds(60));
        return new Outcome(r.exitCode(), r.stdout());
    }

    static String mask(String text) {
        return text.replaceAll("\\d+\\.\\d{3} second response time", "N.NNN second response time")
                .replaceAll("\\d+\\.\\d{3} sec\\. response time", "N.NNN sec. response time")
                .replaceAll("time=\\d+\\.\\d{6}s", "time=Ns");
    }

    private static String port(TcpTarget t) {
        return String.valueOf(t.port());
    }

    @Test
    void aPortThatAcceptsIsOkWithoutReadingAndNamesTheHostOnlyWhenGiven() throws Exception {
        try (TcpTarget t = TcpTarget.plain(silent())) {
            assertThat(same(0, "check_tcp", "-H", LOCAL, "-p", port(t)).text())
                    .startsWith("TCP OK - ").contains(" second response time on 127.0.0.1 port " + t.port() + "|");
            assertThat(same(0, "check_tcp", "-p", port(t)).text()).contains("time on port " + t.port() + "|");
            same(0, "check_tcp", "--hostname=127.0.0.1", "--port", port(t));
            same(0, "check_tcp", "-H" + LOCAL, "-p" + port(t), "-t", "3");
            same(0, "check_tcp", "-H", "localhost", "-p", port(t));
            // the target listens on IPv4 only
            same(2, "check_tcp", "-H", "::1", "-p", port(t));
        }
    }

    @Test
    void anExpectedStringFoundAnywhereShowsTheAnswerStrippedOfTrailingSpace() throws Exception {
        try (TcpTarget t = TcpTarget.plain(says("hello  world \r\n\r\n", true))) {
            assertThat(same(0, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "world").text())
                    .contains("[hello  world]");
            same(0, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "nothing", "-e", "hello");
            same(1, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "nothing", "-e", "hello", "-A");
            same(0, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "world", "-e", "hello", "-A");
            same(0, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "world", "-j");
        }
    }

    @Test
    void aMismatchTakesTheMismatchStateAndZeroThresholds() throws Exception {
        try (TcpTarget t = TcpTarget.plain(says("500 go away\n", true))) {
            String p = port(t);
            assertThat(same(1, "check_tcp", "-H", LOCAL, "-p", p, "-e", "220").text())
                    .startsWith("TCP WARNING - Unexpected response from host/socket: 500 go away|");
            same(2, "check_tcp", "-H", LOCAL, "-p", p, "-e", "220", "-M", "crit");
            same(0, "check_tcp", "-H", LOCAL, "-p", p, "-e", "220", "-M", "ok", "-w", "5", "-c", "9");
            same(1, "check_tcp", "-H", LOCAL, "-p", p, "-e", "220", "--mismatch=warning");
            same(1, "check_tcp", "-H", LOCAL, "-p", p, "-e", "220", "-j");
        }
    }

    @Test
    void aOneByteAnswerOrOneWithANulIsShownAsThePluginShowsIt() throws Exception {
        try (TcpTarget t = TcpTarget.plain(says("A\n", true))) {
            same(0, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "A");
            same(1, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "B");
        }
        try (TcpTarget t = TcpTarget.plain(says("ab\0cd ok\n", true))) {
            same(0, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "ab");
            same(1, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "ok");
        }
    }

    @Test
    void responseTimeAboveWarningOrCriticalChangesTheStateAndShowsInPerfdata() throws Exception {
        try (TcpTarget t = TcpTarget.plain(saysAfter(400, "ready\n"))) {
            String p = port(t);
            assertThat(same(1, "check_tcp", "-H", LOCAL, "-p", p, "-e", "ready", "-w", "0.2", "-c", "3").text())
                    .endsWith(";0.200000;3.000000;0.000000;10.000000\n");
            same(2, "check_tcp", "-H", LOCAL, "-p", p, "-e", "ready", "-w", "0.1", "-c", "0.2", "-t", "4");
            same(0, "check_tcp", "-H", LOCAL, "-p", p, "-e", "ready", "-w", "2", "-c", "3");
            same(2, "check_tcp", "-H", LOCAL, "-p", p, "-e", "gone", "-c", ".2", "-M", "ok");
        }
    }

    @Test
    void sendAndQuitStringsGoOnTheWireAsThePluginSendsThem() throws Exception {
        try (TcpTarget t = TcpTarget.plain(answers("PING", "PONG\n"))) {
            String p = port(t);
            same(0, "check_tcp", "-H", LOCAL, "-p", p, "-s", "PING", "-e", "PONG", "-q", "BYE");
            assertThat(t.received(1)).isEqualTo(t.received(0)).isEqualTo("PINGBYE\r\n");
            same(0, "check_tcp", "-H", LOCAL, "-p", p, "-E", "-s", "PING\\r\\n\\t\\\\\\x", "-e", "PONG",
                    "-q", "BYE\\n");
            assertThat(t.received(3)).isEqualTo(t.received(2)).isEqualTo("PING\r\n\t\\xBYE\n");
            same(0, "check_tcp", "-H", LOCAL, "-p", p, "-s", "PING\\n", "-E", "-q", "Q\\n", "-e", "PONG");
            assertThat(t.received(5)).isEqualTo(t.received(4)).isEqualTo("PING\\nQ\n");
        }
    }

    @Test
    void maxBytesStopsReadingBeforeTheAnswerIsMatched() throws Exception {
        try (TcpTarget t = TcpTarget.plain(says("0123456789 banner\n", true))) {
            same(0, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "nowhere", "-m", "5");
            same(0, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "banner", "-m", "500");
        }
    }

    @Test
    void anAnswerInTwoPartsIsWaitedForUpToTwoSecondsBetweenThem() throws Exception {
        try (TcpTarget t = TcpTarget.plain(saysInTwo("22", 300, "0 ready\r\n"))) {
            same(0, "check_ftp", "-H", LOCAL, "-p", port(t));
            same(0, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "ready");
        }
    }

    @Test
    void refusedConnectionsTakeTheRefuseState() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String p = String.valueOf(closed);
        assertThat(same(2, "check_tcp", "-H", LOCAL, "-p", p).text())
                .isEqualTo("connect to address 127.0.0.1 and port " + p + ": Connection refused\n");
        same(0, "check_tcp", "-H", LOCAL, "-p", p, "-r", "ok");
        same(1, "check_tcp", "-H", LOCAL, "-p", p, "-r", "warn");
        same(2, "check_ftp", "-H", LOCAL, "-p", p, "--refuse=crit");
    }

    @Test
    void aHostThatDoesNotResolveIsCritical() throws Exception {
        same(2, "check_tcp", "-H", "no-such-host.invalid", "-p", "80");
        same(2, "check_pop", "-H", "no-such-host.invalid");
    }

    @Test
    void aServerThatHangsUpOrStaysSilentGivesNoDataOrTheSocketTimeout() throws Exception {
        try (TcpTarget t = TcpTarget.plain(hangsUp())) {
            assertThat(same(2, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "x").text())
                    .isEqualTo("No data received from host\n");
        }
        try (TcpTarget t = TcpTarget.plain(silent())) {
            assertThat(same(2, "check_tcp", "-H", LOCAL, "-p", port(t), "-e", "x", "-t", "1").text())
                    .isEqualTo("CRITICAL - Socket timeout after 1 seconds\n");
        }
    }

    @Test
    void anAddressThatDoesNotAnswerTimesOut() throws Exception {
        // a listener whose queue is full drops new connection requests unanswered, as a silent address does
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket s = new Socket();
                try {
                    s.connect(full.getLocalSocketAddress(), 300);
                } catch (IOException e) {
                    // the queue is full already
                }
                fillers.add(s);
            }
            assertThat(same(2, "check_tcp", "-H", LOCAL, "-p", String.valueOf(full.getLocalPort()), "-t", "1")
                    .text()).isEqualTo("CRITICAL - Socket timeout after 1 seconds\n");
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    @Test
    void theEnginesTimeoutEndsARunAsAKilledPlugin() throws Exception {
        try (TcpTarget t = TcpTarget.plain(silent())) {
            BuiltinCheck.Ready ready = (BuiltinCheck.Ready) BuiltinChecks.standard().get("check_tcp")
                    .prepare(List.of("-H", LOCAL, "-p", port(t), "-e", "x"));
            PluginResult r = ready.run().run(Duration.ofMillis(300));
            assertThat(r.timedOut()).isTrue();
            assertThat(r.stdout()).isEmpty();
            assertThat(r.executionTime()).isLessThan(Duration.ofSeconds(2));
        }
    }
}
