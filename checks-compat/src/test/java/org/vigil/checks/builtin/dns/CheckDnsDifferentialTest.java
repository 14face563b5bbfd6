package org.vigil.checks.builtin.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.checks.builtin.dns.TinyDnsServer.a;
import static org.vigil.checks.builtin.dns.TinyDnsServer.aaaa;
import static org.vigil.checks.builtin.dns.TinyDnsServer.name;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * check_dns built in against Debian's check_dns (which runs nslookup) on the same DNS server: nslookup asks port 53
 * only, so the server listens on port 53 of a loopback address of the test's own (127.x.y.z, chosen at random so
 * that runs side by side do not meet); {@code SERVER} in a case is that address, {@code NOBODY} one where nothing
 * listens. Same exit code, same text with the timings masked, same perfdata.
 */
class CheckDnsDifferentialTest {

    private static final Path PLUGIN = Path.of("/usr/lib/nagios/plugins/check_dns");
    private static TinyDnsServer dns;
    private static String server;
    private static String nobody;

    @BeforeAll
    static void startServer() throws IOException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String base = "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 256) + ".";
        int last = r.nextInt(2, 250);
        server = base + last;
        nobody = base + (last + 1);
        dns = new TinyDnsServer(new InetSocketAddress(server, 53))
                .answer("www.example.com", 1, 0, a("www.example.com", 300, "192.0.2.10"),
                        a("www.example.com", 300, "192.0.2.11"))
                .answer("www.example.com", 28, 0, aaaa("www.example.com", 300, "2001:db8::10"))
                .answer("alias.example.com", 1, 0, name("alias.example.com", 5, 60, "www.example.com"),
                        a("www.example.com", 300, "192.0.2.10"))
                .answer("alias.example.com", 28, 0, name("alias.example.com", 5, 60, "www.example.com"),
                        aaaa("www.example.com", 300, "2001:db8::10"))
                .answer("v4only.example.com", 1, 0, a("v4only.example.com", 300, "192.0.2.20"))
                .answer("v4only.example.com", 28, 0)
                .answer("v6only.example.com", 1, 0)
                .answer("v6only.example.com", 28, 0, aaaa("v6only.example.com", 300, "2001:db8::20"))
                .answer("halffail.example.com", 1, 0, a("halffail.example.com", 300, "192.0.2.30"))
                .answer("halffail.example.com", 28, 2)
                .answer("failhalf.example.com", 1, 2)
                .answer("failhalf.example.com", 28, 0, aaaa("failhalf.example.com", 300, "2001:db8::30"))
                .answer("rec.example.com", 1, 0, a("rec.example.com", 300, "192.0.2.40"))
                .answer("rec.example.com", 28, 0, aaaa("rec.example.com", 300, "2001:db8::40"))
                .notAuthoritative("rec.example.com")
                .answer("recv4.example.com", 1, 0, a("recv4.example.com", 300, "192.0.2.41"))
                .answer("recv4.example.com", 28, 0)
                .notAuthoritative("recv4.example.com")
                .answer("nx.example.com", 1, 3)
                .answer("nx.example.com", 28, 3)
                .answer("fail.example.com", 1, 2)
                .answer("fail.example.com", 28, 2)
                .answer("refused.example.com", 1, 5)
                .answer("refused.example.com", 28, 5)
                .answer("empty.example.com", 1, 0)
                .answer("empty.example.com", 28, 0)
                .answer("slow.example.com", 1, 0, a("slow.example.com", 60, "192.0.2.3"))
                .answer("slow.example.com", 28, 0)
                .delay("slow.example.com", 1, 600)
                .delay("slow.example.com", 28, 600)
                .answer("silent.example.com", 1, 0, a("silent.example.com", 60, "192.0.2.5"))
                .ignoreFirst("silent.example.com", 1, Integer.MAX_VALUE);
    }

    @AfterAll
    static void stopServer() {
        dns.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-H www.example.com -s SERVER",
        "-Hwww.example.com -sSERVER -t5",
        "-H WWW.Example.COM -s SERVER",
        "-H alias.example.com -s SERVER",
        "-H v4only.example.com -s SERVER",
        "-H v6only.example.com -s SERVER",
        "-H halffail.example.com -s SERVER",
        "-H failhalf.example.com -s SERVER",
        "-H rec.example.com -s SERVER",
        "-H recv4.example.com -s SERVER",
        "-H nx.example.com -s SERVER",
        "-H fail.example.com -s SERVER",
        "-H refused.example.com -s SERVER",
        "-H empty.example.com -s SERVER",
        "-H www.example.com -s SERVER -a 192.0.2.11",
        "-H www.example.com -s SERVER -a 192.0.2.99,10.0.0.1",
        "-H www.example.com -s SERVER -a 192.0.2.99 -a 2001:db8::10",
        "-H www.example.com -s SERVER -a 192.0.2.11 -L",
        "-H www.example.com -s SERVER -a 192.0.2.10,192.0.2.11,2001:db8::10 -L",
        "-H v4only.example.com -s SERVER -a 192.0.2.20 -L",
        "-H v4only.example.com -s SERVER -a 192.0.2.20,192.0.2.21 -L",
        "-H nx.example.com -s SERVER -n",
        "-H www.example.com -s SERVER -n",
        "-H empty.example.com -s SERVER -n",
        "-H rec.example.com -s SERVER -A",
        "-H www.example.com -s SERVER -A",
        "-H rec.example.com -s SERVER -A -a 10.0.0.1",
        "-H www.example.com -s SERVER -w 0.000001",
        "-H www.example.com -s SERVER -c 0.000001 -w 5",
        "-H www.example.com -s SERVER -w 5 -c 10",
        "-H www.example.com -s SERVER -c 10",
        "-H slow.example.com -s SERVER -w 0.5 -c 5",
        "-H slow.example.com -s SERVER -w 0.2 -c 0.4",
        "-H nx.example.com -s SERVER -w 0.000001",
        "-H www.example.com -s NOBODY",
        "-H silent.example.com -s SERVER -to 1",
    })
    void builtInAnswersAsThePlugin(String line) throws Exception {
        List<String> args = args(line);
        PluginResult real = runPlugin(args);
        PluginResult builtIn = runBuiltIn(args, Duration.ofSeconds(60));
        assertThat(builtIn.exitCode()).as("exit code of %s (plugin said %s)", line, real.stdout())
                .isEqualTo(real.exitCode());
        assertThat(masked(builtIn.stdout())).as(line).isEqualTo(masked(real.stdout()));
        assertThat(perfdata(builtIn.stdout())).as(line).isEqualTo(perfdata(real.stdout()));
    }

    @Test
    void theEnginesTimeoutEndsTheRunWhenItComesFirst() {
        PluginResult r = runBuiltIn(args("-H silent.example.com -s SERVER -t 10"), Duration.ofMillis(300));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.executionTime()).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-H www.example.com",
        "-s 127.0.0.1",
        "-H 192.0.2.1 -s 127.0.0.1",
        "-H localhost -s 127.0.0.1",
        "-H 1.2.0.192.in-addr.arpa -s 127.0.0.1",
        "-H www.example.com -s localhost",
        "-H www.example.com -s 127.0.0.1 -v",
        "-H www.example.com -s 127.0.0.1 -r 127.0.0.1",
        "-H www.example.com -s 127.0.0.1 -a 192.0.2.0/24",
        "-H www.example.com -s 127.0.0.1 -a 192.0.2.1 -n",
        "-H www.example.com -s 127.0.0.1 -w 1:2",
        "-H www.example.com -s 127.0.0.1 -t 0",
        "--hostname=www.example.com -s 127.0.0.1",
        "www.example.com 127.0.0.1",
        "-H www.example.com -s",
    })
    void whatTheBuiltInDoesNotDoExactlyRunsThePlugin(String line) {
        BuiltinCheck.Prepared p = new CheckDnsCheck().prepare(args(line));
        assertThat(p).as(line).isInstanceOf(BuiltinCheck.Declined.class);
        assertThat(((BuiltinCheck.Declined) p).why()).startsWith("check_dns: ");
    }

    /** nslookup applies resolv.conf's search list and options even with a server given: the plugin runs then. */
    @Test
    void aResolverSearchListOrOptionsRunThePlugin(@TempDir Path dir) throws IOException {
        Path conf = dir.resolve("resolv.conf");
        Files.writeString(conf, "nameserver 127.0.0.1\nsearch example.com\n");
        BuiltinCheck.Prepared p = new CheckDnsCheck(conf).prepare(args("-H www.example.com -s 127.0.0.1"));
        assertThat(((BuiltinCheck.Declined) p).why()).isEqualTo("check_dns: " + conf
                + " has 'search example.com', which nslookup applies");
        Files.writeString(conf, "nameserver 127.0.0.1\n");
        assertThat(new CheckDnsCheck(conf).prepare(args("-H www.example.com -s 127.0.0.1")))
                .isInstanceOf(BuiltinCheck.Ready.class);
    }

    private static List<String> args(String line) {
        List<String> out = new ArrayList<>();
        for (String a : line.split(" ")) {
            out.add(a.replace("SERVER", String.valueOf(server)).replace("NOBODY", String.valueOf(nobody)));
        }
        return out;
    }

    private static PluginResult runBuiltIn(List<String> args, Duration timeout) {
        BuiltinCheck.Prepared p = new CheckDnsCheck().prepare(args);
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
        Instant now = Instant.now();
        return new PluginResult(exit, out, "", now, now, false, false, null);
    }

    private static String masked(String out) {
        return out.replaceAll("\\d+\\.\\d{3} (seconds?) response time", "T $1 response time")
                .replaceAll("\\|time=\\d+\\.\\d+s", "|time=Ts");
    }

    private static String perfdata(String out) {
        int bar = out.indexOf('|');
        return bar < 0 ? "" : out.substring(bar + 1).strip().replaceAll("=\\d+\\.\\d+", "=V");
    }
}
