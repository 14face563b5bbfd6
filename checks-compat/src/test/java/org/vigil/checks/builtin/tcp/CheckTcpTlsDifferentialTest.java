package org.vigil.checks.builtin.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.checks.builtin.tcp.CheckTcpDifferentialTest.builtIn;
import static org.vigil.checks.builtin.tcp.CheckTcpDifferentialTest.real;
import static org.vigil.checks.builtin.tcp.CheckTcpDifferentialTest.same;
import static org.vigil.checks.builtin.tcp.TcpTarget.says;
import static org.vigil.checks.builtin.tcp.TcpTarget.silent;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check_tcp over TLS ({@code -S}, {@code -D} and the names that start TLS at once) against Debian's, on local TLS
 * servers with certificates the test makes with keytool, valid for a chosen number of days or expired.
 */
class CheckTcpTlsDifferentialTest {

    private static final String LOCAL = "127.0.0.1";
    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    /**
     * A TLS context whose certificate (CN vigil.test) starts at {@code start} (keytool's -startdate, e.g. -12H) and
     * lasts {@code days}: a start half a day back keeps the days left clear of a day's boundary.
     */
    private SSLContext certificate(String name, String start, int days) throws Exception {
        Path store = dir.resolve(name + ".p12");
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                        .toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=vigil.test, O=Vigil", "-validity", String.valueOf(days), "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        argv.addAll(List.of("-startdate", start));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    @Test
    void tlsNamesAndDashSTalkTlsFromTheStart() throws Exception {
        SSLContext ctx = certificate("plain", "-12H", 100);
        check(ctx, "check_simap", "* OK IMAP4 ready\r\n", 0, "SIMAP OK - ", "a1 LOGOUT\r\n");
        check(ctx, "check_spop", "+OK ready\r\n", 0, "SPOP OK - ", "QUIT\r\n");
        check(ctx, "check_ssmtp", "220 mail ESMTP\r\n", 0, "SSMTP OK - ", "QUIT\r\n");
        check(ctx, "check_ssmtp", "554 no\r\n", 1, "SSMTP WARNING - Unexpected", "QUIT\r\n");
        check(ctx, "check_nntps", "200 news\r\n", 0, "NNTPS OK - ", "QUIT\r\n");
        try (TcpTarget t = TcpTarget.tls(ctx, says("hello tls\n", false))) {
            String p = String.valueOf(t.port());
            assertThat(same(0, "check_tcp", "-H", LOCAL, "-p", p, "-S", "-e", "tls", "-q", "bye").text())
                    .startsWith("TCP OK - ").contains("[hello tls]");
            assertThat(t.received(1)).isEqualTo(t.received(0)).isEqualTo("bye\r\n");
            same(0, "check_tcp", "-H", LOCAL, "-p", p, "--ssl");
        }
    }

    @Test
    void certificateDaysAreWordedAsThePluginWordsThem() throws Exception {
        SSLContext fiveDays = certificate("five", "-12H", 5);
        try (TcpTarget t = TcpTarget.tls(fiveDays, says("ready\n", false))) {
            String p = String.valueOf(t.port());
            assertThat(same(1, "check_tcp", "-H", LOCAL, "-p", p, "-D", "30", "-e", "ready").text())
                    .startsWith("WARNING - Certificate 'vigil.test' expires in 4 day(s) (");
            same(2, "check_tcp", "-H", LOCAL, "-p", p, "-D", "30,10", "-e", "ready");
            same(1, "check_tcp", "-H", LOCAL, "-p", p, "-D", "4,3", "-e", "ready");
            assertThat(same(0, "check_tcp", "-H", LOCAL, "-p", p, "--certificate=3", "-e", "ready").text())
                    .startsWith("OK - Certificate 'vigil.test' will expire on ").contains("\nTCP OK - ");
            same(1, "check_simap", "-H", LOCAL, "-p", p, "-D", "3", "-w", "0.5", "-c", "1");
        }
        try (TcpTarget t = TcpTarget.tls(certificate("day", "-30M", 1), says("ready\n", false))) {
            assertThat(same(2, "check_tcp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-D", "5").text())
                    .startsWith("CRITICAL - Certificate 'vigil.test' expires in 23 hours (");
        }
        try (TcpTarget t = TcpTarget.tls(certificate("expired", "-10d", 5), says("ready\n", false))) {
            assertThat(same(2, "check_tcp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-D", "5").text())
                    .startsWith("CRITICAL - Certificate 'vigil.test' expired on ");
        }
    }

    @Test
    void aSilentTlsServerTimesOutAndAPlainOneFailsTheHandshake() throws Exception {
        try (TcpTarget t = TcpTarget.tls(certificate("silent", "-12H", 100), silent())) {
            same(0, "check_tcp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-S");
            assertThat(same(2, "check_tcp", "-H", LOCAL, "-p", String.valueOf(t.port()), "-S", "-e", "x", "-t", "1")
                    .text()).isEqualTo("CRITICAL - Socket timeout after 1 seconds\n");
        }
        try (TcpTarget t = TcpTarget.plain(says("* OK not tls\r\n", true))) {
            // the plugin adds OpenSSL's error queue after the line, which Vigil does not have (compatibility.md)
            List<String> args = List.of("-H", LOCAL, "-p", String.valueOf(t.port()));
            CheckTcpDifferentialTest.Outcome real = real("check_simap", args);
            CheckTcpDifferentialTest.Outcome builtIn = builtIn("check_simap", args);
            assertThat(real.code()).isEqualTo(2).isEqualTo(builtIn.code());
            assertThat(real.text()).startsWith(builtIn.text());
            assertThat(builtIn.text()).isEqualTo("CRITICAL - Cannot make SSL connection.\n");
        }
    }

    private static void check(SSLContext ctx, String plugin, String banner, int code, String start, String quit)
            throws Exception {
        try (TcpTarget t = TcpTarget.tls(ctx, says(banner, false))) {
            assertThat(same(code, plugin, "-H", LOCAL, "-p", String.valueOf(t.port())).text()).startsWith(start);
            assertThat(t.received(1)).isEqualTo(t.received(0)).isEqualTo(quit);
        }
    }
}
