package org.vigil.checks.builtin.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.checks.builtin.dns.TinyDnsServer.a;
import static org.vigil.checks.builtin.dns.TinyDnsServer.aaaa;
import static org.vigil.checks.builtin.dns.TinyDnsServer.mx;
import static org.vigil.checks.builtin.dns.TinyDnsServer.name;
import static org.vigil.checks.builtin.dns.TinyDnsServer.soa;
import static org.vigil.checks.builtin.dns.TinyDnsServer.txt;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * check_dig built in against Debian's check_dig (which runs dig) on the same local DNS server: same exit code, same
 * text with the timings masked, same perfdata label, unit and thresholds. {@code PORT} in a case is the server's.
 */
class DigDifferentialTest {

    private static final Path PLUGIN = Path.of("/usr/lib/nagios/plugins/check_dig");
    private static TinyDnsServer dns;
    private static int closedPort;

    @BeforeAll
    static void startServer() throws IOException {
        dns = new TinyDnsServer()
                .answer("www.example.com", 1, 0, a("www.example.com", 300, "192.0.2.10"),
                        a("www.example.com", 300, "192.0.2.11"))
                .answer("a.b", 1, 0, a("a.b", 5, "192.0.2.1"))
                .answer("very-long-name-for-columns.example.com", 1, 0,
                        a("very-long-name-for-columns.example.com", 4294967295L, "192.0.2.2"))
                .answer("alias.example.com", 1, 0, name("alias.example.com", 5, 60, "www.example.com"),
                        a("www.example.com", 300, "192.0.2.10"))
                .answer("example.com", 15, 0, mx("example.com", 300, 10, "mail.example.com"))
                .answer("example.com", 16, 0, txt("example.com", 300, "v=spf1 -all", "a \"q\" \\ x\u0001y\u00e9"))
                .answer("example.com", 6, 0, soa("example.com", 3600, "ns1.example.com", "hostmaster.example.com",
                        2024010101L, 7200, 3600, 1209600, 300))
                .answer("example.com", 28, 0, aaaa("example.com", 300, "2001:db8::1"),
                        aaaa("example.com", 300, "2001:db8:0:1:0:0:0:1"), aaaa("example.com", 300, "::1"),
                        aaaa("example.com", 300, "fe80:0:0:1::"))
                .answer("example.com", 2, 0, name("example.com", 2, 300, "ns1.example.com"))
                .answer("1.2.0.192.in-addr.arpa", 12, 0,
                        name("1.2.0.192.in-addr.arpa", 12, 300, "host.example.com"))
                .answer("nx.example.com", 1, 3)
                .answer("fail.example.com", 1, 2)
                .answer("empty.example.com", 1, 0)
                .answer("slow.example.com", 1, 0, a("slow.example.com", 60, "192.0.2.3"))
                .delay("slow.example.com", 1, 600)
                .answer("lossy.example.com", 1, 0, a("lossy.example.com", 60, "192.0.2.4"))
                .answer("big.example.com", 1, 0, a("big.example.com", 60, "192.0.2.6"),
                        a("big.example.com", 60, "192.0.2.7"))
                .truncateOverUdp("big.example.com", 1)
                .answer("silent.example.com", 1, 0, a("silent.example.com", 60, "192.0.2.5"))
                .ignoreFirst("silent.example.com", 1, Integer.MAX_VALUE);
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stopServer() {
        dns.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-H 127.0.0.1 -p PORT -l www.example.com",
        "-H127.0.0.1 -pPORT -lwww.example.com -4",
        "-p PORT -l www.example.com",
        "-H 127.0.0.1 -p PORT -l WWW.Example.COM",
        "-H 127.0.0.1 -p PORT -l www.example.com -a 192.0.2.11",
        "-H 127.0.0.1 -p PORT -l www.example.com -a nothere",
        "-H 127.0.0.1 -p PORT -l www.example.com -a msec",
        "-H 127.0.0.1 -p PORT -l a.b",
        "-H 127.0.0.1 -p PORT -l very-long-name-for-columns.example.com",
        "-H 127.0.0.1 -p PORT -l alias.example.com",
        "-H 127.0.0.1 -p PORT -l alias.example.com -a 192.0.2.10",
        "-H 127.0.0.1 -p PORT -l example.com -T MX",
        "-H 127.0.0.1 -p PORT -l example.com -T mx -a mail",
        "-H 127.0.0.1 -p PORT -l example.com -T TXT",
        "-H 127.0.0.1 -p PORT -l example.com -T SOA",
        "-H 127.0.0.1 -p PORT -l example.com -T AAAA",
        "-H 127.0.0.1 -p PORT -l example.com -T AAAA -a ::1",
        "-H 127.0.0.1 -p PORT -l example.com -T AAAA -a fe80:",
        "-H 127.0.0.1 -p PORT -l example.com -T NS",
        "-H 127.0.0.1 -p PORT -l 1.2.0.192.in-addr.arpa -T PTR",
        "-H 127.0.0.1 -p PORT -l nx.example.com",
        "-H 127.0.0.1 -p PORT -l big.example.com -a 192.0.2.7",
        "-H 127.0.0.1 -p PORT -l big.example.com -a TCP",
        "-H 127.0.0.1 -p PORT -l fail.example.com",
        "-H 127.0.0.1 -p PORT -l empty.example.com",
        "-H 127.0.0.1 -p PORT -l www.example.com -w 0",
        "-H 127.0.0.1 -p PORT -l www.example.com -w 0.000001",
        "-H 127.0.0.1 -p PORT -l www.example.com -c 0.000001 -w 0.0",
        "-H 127.0.0.1 -p PORT -l www.example.com -c 0 -w 5",
        "-H 127.0.0.1 -p PORT -l www.example.com -w 5 -c 10.5",
        "-H 127.0.0.1 -p PORT -l slow.example.com -w 0.3 -c 5",
        "-H 127.0.0.1 -p PORT -l slow.example.com -w .2 -c 0.3",
        "-H 127.0.0.1 -p PORT -l nx.example.com -w 0",
        "-H 127.0.0.1 -p PORT -l nx.example.com -w 0.000001",
        "-H 127.0.0.1 -p CLOSED -l www.example.com",
        "-H 127.0.0.1 -p CLOSED -l www.example.com -c 0",
        "-H 127.0.0.1 -p CLOSED -l www.example.com -c 0.000001",
        "-H 127.0.0.1 -p PORT -l silent.example.com -t 1",
    })
    void builtInAnswersAsThePlugin(String line) throws Exception {
        List<String> args = args(line);
        PluginResult real = runPlugin(args);
        PluginResult builtIn = runBuiltIn(args, Duration.ofSeconds(60));
        assertThat(builtIn.exitCode()).as("exit code of %s (plugin said %s)", line, real.stdout())
                .isEqualTo(real.exitCode());
        assertThat(masked(builtIn.stdout())).as(line).isEqualTo(masked(real.stdout()));
        assertThat(perfdataFields(builtIn.stdout())).as(line).isEqualTo(perfdataFields(real.stdout()));
    }

    /** dig asks again after 5/2+2 seconds without an answer; the built-in too, so a lost query is answered. */
    @Test
    void aQueryLostOnceIsAskedAgainAfterDigsTryTime() throws Exception {
        List<String> args = args("-H 127.0.0.1 -p PORT -l lossy.example.com -t 5");
        dns.ignoreFirst("lossy.example.com", 1, 1);
        PluginResult real = runPlugin(args);
        dns.ignoreFirst("lossy.example.com", 1, 1);
        PluginResult builtIn = runBuiltIn(args, Duration.ofSeconds(60));
        assertThat(real.stdout()).startsWith("DNS OK - 4.");
        assertThat(builtIn.exitCode()).isEqualTo(real.exitCode());
        assertThat(masked(builtIn.stdout())).isEqualTo(masked(real.stdout()));
    }

    /** A truncated UDP answer is asked again over TCP: dig's SERVER line says so, and -a can match it. */
    @Test
    void aTruncatedAnswerIsAskedAgainOverTcp() throws Exception {
        List<String> args = args("-H 127.0.0.1 -p PORT -l big.example.com -a TCP");
        String expected = "(;; SERVER: 127.0.0.1#" + dns.port() + "(127.0.0.1) (TCP))";
        assertThat(runPlugin(args).stdout()).startsWith("DNS OK - ").contains(expected);
        assertThat(runBuiltIn(args, Duration.ofSeconds(60)).stdout()).startsWith("DNS OK - ").contains(expected);
    }

    @Test
    void theEnginesTimeoutEndsTheRunWhenItComesFirst() {
        PluginResult r = runBuiltIn(args("-H 127.0.0.1 -p PORT -l silent.example.com -t 10"),
                Duration.ofMillis(300));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.executionTime()).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-l www.example.com -A +tcp",
        "-l www.example.com -v",
        "-l www.example.com -6",
        "-H localhost -l www.example.com",
        "--hostname=127.0.0.1 -l www.example.com",
        "-l www.example.com 127.0.0.1",
        "-H 127.0.0.1",
        "-l www.example.com -T SRV",
        "-l localhost",
        "-l -x",
        "-l www.example.com -t 0",
        "-l www.example.com -p 0",
        "-l www.example.com -w 1e3",
        "-l www.example.com -h",
        "-l",
        "-l www.example.com -a",
    })
    void whatTheBuiltInDoesNotDoExactlyRunsThePlugin(String line) {
        BuiltinCheck.Prepared p = new DigCheck().prepare(args(line));
        assertThat(p).as(line).isInstanceOf(BuiltinCheck.Declined.class);
        assertThat(((BuiltinCheck.Declined) p).why()).startsWith("check_dig: ");
    }

    private static List<String> args(String line) {
        List<String> out = new ArrayList<>();
        for (String a : line.split(" ")) {
            out.add(a.replace("PORT", Integer.toString(dns.port())).replace("CLOSED", Integer.toString(closedPort)));
        }
        return out;
    }

    private static PluginResult runBuiltIn(List<String> args, Duration timeout) {
        BuiltinCheck.Prepared p = new DigCheck().prepare(args);
        assertThat(p).as("prepared %s", args).isInstanceOf(BuiltinCheck.Ready.class);
        return ((BuiltinCheck.Ready) p).run().run(timeout);
    }

    private static PluginResult runPlugin(List<String> args) throws IOException, InterruptedException {
        assertThat(PLUGIN).as("Debian's monitoring-plugins-standard must be installed").isExecutable();
        List<String> command = new ArrayList<>(List.of(PLUGIN.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        java.time.Instant now = java.time.Instant.now();
        return new PluginResult(exit, out, "", now, now, false, false, null);
    }

    /** The text with timings masked: response time, perfdata value, dig's query time. */
    static String masked(String out) {
        return out.replaceAll("\\d+\\.\\d{3} seconds response time", "T seconds response time")
                .replaceAll("\\|time=\\d+\\.\\d+s", "|time=Ts")
                .replaceAll("Query time: \\d+ msec", "Query time: N msec");
    }

    /** The perfdata's label, unit, warning, critical, min and max (the value aside). */
    static String perfdataFields(String out) {
        String perf = out.substring(out.indexOf('|') + 1).strip();
        return perf.replaceAll("=\\d+\\.\\d+", "=V");
    }

}
