package org.vigil.checks.builtin.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.checks.builtin.tcp.CheckTcpDifferentialTest.same;
import static org.vigil.checks.builtin.tcp.TcpTarget.hangsUp;
import static org.vigil.checks.builtin.tcp.TcpTarget.silent;
import static org.vigil.checks.builtin.tcp.TcpTarget.smtp;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.builtin.BuiltinChecks;
import org.vigil.checks.exec.PluginResult;

/** The built-in check_smtp's basics against Debian's on local servers that greet, reply, delay, hang up or refuse. */
class CheckSmtpDifferentialTest {

    private static final String LOCAL = "127.0.0.1";

    @Test
    void aGreetingAndHeloReplyWithTheExpectedStringIsOk() throws Exception {
        try (TcpTarget t = TcpTarget.plain(smtp("220 mail.test ESMTP\r\n", "250 mail.test\r\n", 0))) {
            String p = String.valueOf(t.port());
            assertThat(same(0, "check_smtp", "-H", LOCAL, "-p", p).text())
                    .matches("SMTP OK - \\d+\\.\\d{3} sec\\. response time\\|time=\\d+\\.\\d{6}s;;;0\\.000000\n");
            assertThat(t.received(1)).isEqualTo(t.received(0)).startsWith("HELO ").endsWith("\r\nQUIT\r\n");
            same(0, "check_smtp", "-H", LOCAL, "-p", p, "-e", "mail.test", "-w", "5", "-c", "9", "-t", "5");
            same(0, "check_smtp", "-p", p, LOCAL);
            same(1, "check_smtp", "-H", LOCAL, "-p", p, "-e", "ESMTP Postfix");
        }
        try (TcpTarget t = TcpTarget.plain(smtp("220-mail.test ESMTP\r\n220-more\r\n220 end\r\n", "250-a\r\n250 b\r\n",
                0))) {
            same(0, "check_smtp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-e", "more");
            assertThat(same(1, "check_smtp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-e", "x").text())
                    .startsWith("Invalid SMTP response received from host on port " + t.port() + ": 220-mail.test");
        }
        try (TcpTarget t = TcpTarget.plain(smtp("554 no service\r\n", "503 bad\r\n", 0))) {
            same(1, "check_smtp", "-H", LOCAL, "-p", String.valueOf(t.port()));
        }
    }

    @Test
    void aSlowReplyPassesTheThresholds() throws Exception {
        try (TcpTarget t = TcpTarget.plain(smtp("220 mail.test ESMTP\r\n", "250 mail.test\r\n", 400))) {
            String p = String.valueOf(t.port());
            assertThat(same(1, "check_smtp", "-H", LOCAL, "-p", p, "-w", "0.2", "-c", "3").text())
                    .endsWith(";0.200000;3.000000;0.000000\n");
            same(2, "check_smtp", "-H", LOCAL, "-p", p, "-w", "0.1", "-c", ".2");
        }
    }

    @Test
    void hangUpsSilenceAndRefusals() throws Exception {
        try (TcpTarget t = TcpTarget.plain(hangsUp())) {
            assertThat(same(1, "check_smtp", "-H", LOCAL, "-p", String.valueOf(t.port())).text())
                    .isEqualTo("recv() failed\n");
        }
        try (TcpTarget t = TcpTarget.plain(TcpTarget.says("220 no newline", true))) {
            same(1, "check_smtp", "-H", LOCAL, "-p", String.valueOf(t.port()));
        }
        try (TcpTarget t = TcpTarget.plain(silent())) {
            same(2, "check_smtp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-t", "1");
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertThat(same(2, "check_smtp", "-H", LOCAL, "-p", String.valueOf(closed)).text())
                .startsWith("connect to address 127.0.0.1 and port " + closed + ": Connection refused\n"
                        + "SMTP CRITICAL - ");
        same(3, "check_smtp", "-H", "no-such-host.invalid");
    }

    @Test
    void theEnginesTimeoutEndsARunAsAKilledPlugin() throws Exception {
        try (TcpTarget t = TcpTarget.plain(silent())) {
            BuiltinCheck.Ready ready = (BuiltinCheck.Ready) BuiltinChecks.standard().get("check_smtp")
                    .prepare(List.of("-H", LOCAL, "-p", String.valueOf(t.port())));
            PluginResult r = ready.run().run(Duration.ofMillis(300));
            assertThat(r.timedOut()).isTrue();
            assertThat(r.stdout()).isEmpty();
            assertThat(r.executionTime()).isLessThan(Duration.ofSeconds(2));
        }
    }
}
