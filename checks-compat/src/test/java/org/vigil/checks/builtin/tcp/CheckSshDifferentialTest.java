package org.vigil.checks.builtin.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.checks.builtin.tcp.CheckTcpDifferentialTest.same;
import static org.vigil.checks.builtin.tcp.TcpTarget.hangsUp;
import static org.vigil.checks.builtin.tcp.TcpTarget.says;
import static org.vigil.checks.builtin.tcp.TcpTarget.silent;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.builtin.BuiltinChecks;
import org.vigil.checks.exec.PluginResult;

/** The built-in check_ssh against Debian's on local servers with chosen banners, silence, hang-ups and refusals. */
class CheckSshDifferentialTest {

    private static final String LOCAL = "127.0.0.1";
    private static final String OPENSSH = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n";

    @Test
    void theBannerGivesServerAndProtocolAndThePluginIdentifiesItself() throws Exception {
        try (TcpTarget t = TcpTarget.plain(says(OPENSSH, false))) {
            String p = String.valueOf(t.port());
            assertThat(same(0, "check_ssh", "-H", LOCAL, "-p", p).text())
                    .startsWith("SSH OK - OpenSSH_9.2p1 Debian-2+deb12u3 (protocol 2.0) | time=");
            assertThat(t.received(1)).isEqualTo(t.received(0)).isEqualTo("SSH-2.0-check_ssh_2.3.3\r\n");
            same(0, "check_ssh", "-p", p, LOCAL);
            same(0, "check_ssh", LOCAL, p);
            same(0, "check_ssh", "-t", "3", "-r", "OpenSSH_9.2p1 Debian-2+deb12u3", "-P", "2.0", "-H", LOCAL, "-p", p);
            same(2, "check_ssh", "-r", "OpenSSH_8.4", "-H", LOCAL, "-p", p);
            same(2, "check_ssh", "-P", "1.99", "-H", LOCAL, "-p", p);
        }
        try (TcpTarget t = TcpTarget.plain(says("SSH-1.99-Cisco-1.25\n", false))) {
            same(0, "check_ssh", "-H", LOCAL, "-p", String.valueOf(t.port()));
            same(2, "check_ssh", "-H", LOCAL, "-p", String.valueOf(t.port()), "-P", "2.0");
        }
        try (TcpTarget t = TcpTarget.plain(says("SSH  \r\n", false))) {
            same(0, "check_ssh", "-H", LOCAL, "-p", String.valueOf(t.port()));
        }
    }

    @Test
    void anotherAnswerSilenceOrAHangUpIsCritical() throws Exception {
        try (TcpTarget t = TcpTarget.plain(says("220 mail ESMTP\r\n", false))) {
            assertThat(same(2, "check_ssh", "-H", LOCAL, "-p", String.valueOf(t.port())).text())
                    .isEqualTo("Server answer: 220 mail ESMTP\r\n");
        }
        try (TcpTarget t = TcpTarget.plain(hangsUp())) {
            assertThat(same(2, "check_ssh", "-H", LOCAL, "-p", String.valueOf(t.port())).text())
                    .isEqualTo("Server answer: ");
        }
        try (TcpTarget t = TcpTarget.plain(silent())) {
            assertThat(same(2, "check_ssh", "-H", LOCAL, "-p", String.valueOf(t.port()), "-t", "1").text())
                    .isEqualTo("CRITICAL - Socket timeout after 1 seconds\n");
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        same(2, "check_ssh", "-H", LOCAL, "-p", String.valueOf(closed));
    }

    @Test
    void aHostThatDoesNotResolveIsAUsageError() throws Exception {
        same(3, "check_ssh", "-H", "no-such-host.invalid");
        same(3, "check_ssh", "no-such-host.invalid");
        same(3, "check_ssh", "-p", "22", "no-such-host.invalid");
    }

    @Test
    void theEnginesTimeoutEndsARunAsAKilledPlugin() throws Exception {
        try (TcpTarget t = TcpTarget.plain(silent())) {
            BuiltinCheck.Ready ready = (BuiltinCheck.Ready) BuiltinChecks.standard().get("check_ssh")
                    .prepare(List.of("-H", LOCAL, "-p", String.valueOf(t.port())));
            PluginResult r = ready.run().run(Duration.ofMillis(300));
            assertThat(r.timedOut()).isTrue();
            assertThat(r.stdout()).isEmpty();
            assertThat(r.executionTime()).isLessThan(Duration.ofSeconds(2));
        }
    }
}
