package org.vigil.checks.builtin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.builtin.io.TestCertificates;

/**
 * The built-in check_http against Debian's {@code /usr/lib/nagios/plugins/check_http}, both run with the same
 * arguments against the same local servers (scripted answers, delays, a closed port, a port that never answers,
 * TLS with certificates ending at chosen times): the same exit code, the same output with only the response time
 * masked, the same perfdata, and the same request bytes seen by the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpCheckDifferentialTest {

    private static final Path PLUGIN = Path.of("/usr/lib/nagios/plugins/check_http");
    private static final String BODY = "hello world";

    /** The ports the scripted answers name in their Location headers. */
    private static volatile int plainPort;
    private static volatile int tlsPort;
    private static volatile int closedPortForScript;

    private ScriptedHttpServer plain;
    private ScriptedHttpServer tls;
    private ScriptedHttpServer expired;
    private ScriptedHttpServer hours;
    private int closedPort;
    private ServerSocket silent;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        plain = new ScriptedHttpServer(null, HttpCheckDifferentialTest::answer);
        tls = new ScriptedHttpServer(TestCertificates.endingIn(dir, "vigil.test",
                Duration.ofDays(10).plusHours(12)), HttpCheckDifferentialTest::answer);
        expired = new ScriptedHttpServer(TestCertificates.endingIn(dir, "old.vigil.test",
                Duration.ofDays(-2)), HttpCheckDifferentialTest::answer);
        hours = new ScriptedHttpServer(TestCertificates.endingIn(dir, "soon.vigil.test",
                Duration.ofHours(5).plusMinutes(30)), HttpCheckDifferentialTest::answer);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        plainPort = plain.port();
        tlsPort = tls.port();
        closedPortForScript = closedPort;
    }

    @AfterAll
    void stop() throws IOException {
        for (AutoCloseable c : List.<AutoCloseable>of(plain, tls, expired, hours, silent)) {
            try {
                c.close();
            } catch (Exception e) {
                // closing what the tests opened; nothing else to do
            }
        }
    }

    private static ScriptedHttpServer.Answer answer(String request) {
        String path = request.split(" ", 3)[1];
        switch (path) {
            case "/":
                return ok("Content-Length: 11\r\n", BODY);
            case "/notfound":
                return ScriptedHttpServer.Answer.of("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            case "/error":
                return ScriptedHttpServer.Answer.of("HTTP/1.1 500 Internal Server Error\r\n\r\noops");
            case "/moved":
                return ScriptedHttpServer.Answer.of("HTTP/1.1 301 Moved Permanently\r\nLocation: /\r\n\r\n");
            case "/found":
                return ScriptedHttpServer.Answer.of("HTTP/1.1 302 Found\r\nLocation: http://example.test/\r\n\r\n");
            case "/slow":
                return new ScriptedHttpServer.Answer("HTTP/1.1 200 OK\r\n\r\nslow", 1300);
            case "/silent":
                return new ScriptedHttpServer.Answer("HTTP/1.1 200 OK\r\n\r\nlate", 3000);
            case "/empty":
                return ScriptedHttpServer.Answer.of(null);
            case "/chunked":
                return ok("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n");
            case "/leading":
                return ok("Content-Type: text/html\r\n", "\r\n\n<html>\nTitle: Hello\n</html>\n");
            case "/noheaders":
                return ok("", "body: hello\r\n\r\nafter");
            case "/utf8":
                return ok("Content-Type: text/plain; charset=utf-8\r\n", "caf\u00c3\u00a9 au lait \u00ff\u00fe end");
            case "/nul":
                return ok("X-Nul: 1\r\n", "a\0b hello");
            case "/auth":
                return request.contains("\r\nAuthorization: Basic dXNlcjpzZWNyZXQ=\r\n") ? ok("", "welcome")
                        : ScriptedHttpServer.Answer.of("HTTP/1.1 401 Unauthorized\r\n\r\n");
            case "/odd":
                return ScriptedHttpServer.Answer.of("HTTP/1.1 99 Odd\r\n\r\n");
            case "/nocode":
                return ScriptedHttpServer.Answer.of("HTTP/1.1 2000 Big\r\n\r\n");
            case "/garbage":
                return ScriptedHttpServer.Answer.of("garbage\r\n\r\n");
            case "/bare":
                return ScriptedHttpServer.Answer.of("HTTP/1.0 200 OK   \r\nServer: x\r\n\r\n");
            default:
                return path.startsWith("/r/") ? redirect(path.substring(3))
                        : ScriptedHttpServer.Answer.of("HTTP/1.1 400 Bad Request\r\n\r\n");
        }
    }

    private static ScriptedHttpServer.Answer redirect(String name) {
        String location;
        switch (name) {
            case "target":
                return ok("", "arrived");
            case "relative":
                location = "Location: target\r\n";
                break;
            case "absolute":
                location = "Location: http://127.0.0.1:" + plainPort + "/r/target\r\n";
                break;
            case "host":
                location = "location:   http://localhost:" + plainPort + "/r/target\r\n";
                break;
            case "otherport":
                location = "Location: http://127.0.0.1:" + closedPortForScript + "/r/target\r\n";
                break;
            case "tls":
                location = "Location: https://127.0.0.1:" + tlsPort + "/notfound\r\n";
                break;
            case "folded":
                location = "Location:\r\n  /r/target\r\n";
                break;
            case "loop":
                location = "Location: /r/loop\r\n";
                break;
            case "chain":
                location = "Location: chain\r\n";
                break;
            case "empty":
                location = "Location: \r\nX-Other: 1\r\n";
                break;
            case "unparsable":
                location = "Location: <nowhere>\r\nX-Other: 1\r\n";
                break;
            case "bigport":
                location = "Location: http://127.0.0.1:99999/\r\n";
                break;
            default:
                location = "";
        }
        return ScriptedHttpServer.Answer.of("HTTP/1.1 302 Found\r\nServer: scripted\r\n" + location + "\r\n");
    }

    private static ScriptedHttpServer.Answer ok(String headers, String body) {
        return ScriptedHttpServer.Answer.of("HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body);
    }

    Stream<List<String>> plainCases() {
        return Stream.of(
                List.of("-I", "127.0.0.1", "-p", "PORT"),
                List.of("-H", "localhost", "-p", "PORT"),
                List.of("-H", "127.0.0.1:PORT", "-u", "/notfound"),
                List.of("--hostname=localhost", "--port=PORT", "--url=/error"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/moved"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/found", "-f", "ok"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/relative", "-f", "follow"),
                List.of("-H", "localhost", "-p", "PORT", "-u", "/r/absolute", "-f", "follow", "-s", "arrived"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/host", "-f", "sticky"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/host", "-f", "follow", "-w", "5"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/otherport", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/otherport", "-f", "stickyport"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/otherport", "-f", "sticky"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/tls", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/folded", "-f", "follow"),
                List.of("-H", "127.0.0.1", "-p", "PORT", "-u", "/r/loop", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/loop", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/chain", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/chain", "-f", "follow", "--max-redirs", "2"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/none", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/empty", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/unparsable", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/bigport", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/loop", "-f", "warning"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/found", "-f", "warning"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/moved", "-f", "critical"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/moved", "--onredirect=unknown"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/notfound", "-e", "404"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-e", "200,404"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-e", "201,HTTP/1.0"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/error", "-e", "HTTP/1.1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-s", "hello"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-s", "goodbye"),
                List.of("-H", "localhost", "-p", "PORT", "-s", "a string longer than twenty-nine bytes"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-s", "exactly twenty-nine bytes ..."),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/notfound", "-s", "hello"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-r", "hel+o w(o|a)r[a-z]d$"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-r", "HELLO"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-R", "HELLO"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "--ereg=^world"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/leading", "-r", "^<html>$"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/leading", "-r", "Title: .*$", "-s", "Hello"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/leading", "-r", "html>.<", "-s", "nope"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/nul", "-s", "a b"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/noheaders", "-s", "hello"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/noheaders", "-s", "after"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/chunked", "-s", "hello world"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/chunked", "-r", "x=y"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-w", "0.5", "-c", "5"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-c", "20"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/slow", "-w", "1", "-c", "3"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/slow", "-c", "1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/silent", "-t", "1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-j", "HEAD"),
                List.of("-H", "localhost", "-p", "PORT", "-j", "PUT", "-P", "a=b&c=d"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-P", "{\"x\":1}", "-T", "application/json"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-T", "text/plain"),
                List.of("-H", "localhost", "-p", "PORT", "-k", "X-Test: 1", "-k", "Accept: */*"),
                List.of("-H", "localhost", "-p", "PORT", "-k", "Host: other.test", "-k", "X-After: 2"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-k", "Host: other.test"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/auth", "-a", "user:secret"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/auth"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-b", "proxy:pw", "-A", "Vigil-Test/1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/empty"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/odd"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/nocode"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/garbage"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/bare"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-S", "-p", "CLOSED"),
                List.of("-H", "localhost", "-p", "CLOSED"),
                List.of("-H", "no-such-host.invalid", "-t", "5"),
                List.of("-I", "127.0.0.1", "-p", "SILENT", "-t", "1"));
    }

    /** Regexes over a body with UTF-8 and invalid bytes, whose reading depends on the plugin's locale. */
    Stream<List<String>> localeCases() {
        Stream.Builder<List<String>> cases = Stream.builder();
        for (String locale : List.of("LANG=C.UTF-8", "LC_ALL=C", "LANG=C.utf8", "LANG=C.UTF-8 LC_CTYPE=C", "LANG=C")) {
            for (String regex : List.of("caf. au", "caf.. au", "lait .. end", "lait . end", "end$", "caf[a-z]",
                    "CAF. AU", "caf[^x]")) {
                cases.add(List.of(locale, regex));
            }
        }
        return cases.build();
    }

    @ParameterizedTest
    @MethodSource("localeCases")
    void regexesReadTheBodyAsThePluginDoesInItsLocale(List<String> localeAndRegex) throws Exception {
        Map<String, String> locale = new HashMap<>();
        for (String setting : localeAndRegex.get(0).split(" ")) {
            locale.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        String regex = localeAndRegex.get(1);
        String option = regex.equals(regex.toLowerCase(Locale.ROOT)) ? "-r" : "-R";
        if (regex.contains("[^")) {
            assertThat(new HttpCheck(Clock.systemUTC(), locale).prepare(List.of("-H", "web", "-r", regex)))
                    .isInstanceOf(BuiltinCheck.Declined.class);
            return;
        }
        compare(List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/utf8", option, regex), plain, locale);
    }

    Stream<List<String>> tlsCases() {
        return Stream.of(
                List.of("-S", "-I", "127.0.0.1", "-p", "TLS"),
                List.of("--ssl", "--sni", "-H", "localhost", "-p", "TLS", "-u", "/notfound"),
                List.of("-S", "-H", "localhost:TLS", "-s", "world", "-w", "2"),
                List.of("-I", "127.0.0.1", "-p", "TLS", "-C", "30"),
                List.of("-I", "127.0.0.1", "-p", "TLS", "-C", "30,14"),
                List.of("-I", "127.0.0.1", "-p", "TLS", "-C", "10,5"),
                List.of("-I", "127.0.0.1", "-p", "TLS", "--certificate=5"),
                List.of("-S", "-I", "127.0.0.1", "-p", "EXPIRED", "-C", "5"),
                List.of("-H", "localhost", "-p", "HOURS", "-C", "1"),
                List.of("-H", "localhost", "-p", "HOURS", "-C", "1,0", "-S", "--sni"),
                List.of("-S", "-I", "127.0.0.1", "-p", "SILENT", "-t", "1"),
                List.of("-I", "127.0.0.1", "-p", "SILENT", "-t", "1", "-C", "20"),
                List.of("-S", "-I", "127.0.0.1", "-p", "CLOSED", "-C", "20"),
                List.of("-S", "-I", "127.0.0.1", "-p", "TLS", "-u", "/r/relative", "-f", "follow", "-e", "200"),
                List.of("-S", "-I", "127.0.0.1", "-p", "TLS", "-u", "/r/chain", "-f", "follow", "--max-redirs=1"));
    }

    @ParameterizedTest
    @MethodSource("plainCases")
    void plainHttpAsTheRealPlugin(List<String> template) throws Exception {
        compare(template, plain);
    }

    @ParameterizedTest
    @MethodSource("tlsCases")
    void httpsAndCertificatesAsTheRealPlugin(List<String> template) throws Exception {
        compare(template, template.contains("EXPIRED") ? expired : template.contains("HOURS") ? hours : tls);
    }

    /** What the comparisons compare: the texts the plugin gives in a few of the cases, written out. */
    @Test
    void theComparedTextsAreThePluginsOwn() throws Exception {
        assertThat(compare(List.of("-I", "127.0.0.1", "-p", "PORT", "-w", "0.5", "-c", "5"), plain))
                .isEqualTo("HTTP OK: HTTP/1.1 200 OK - 50 bytes in T second response time "
                        + "|time=Ts;0.500000;5.000000;0.000000;10.000000 size=50B;;;0;\n");
        assertThat(compare(List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/chain", "-f", "follow"), plain))
                .isEqualTo("HTTP WARNING - maximum redirection depth 15 exceeded - http://127.0.0.1:" + plain.port()
                        + "/r/chain\n");
        assertThat(compare(List.of("-I", "127.0.0.1", "-p", "TLS", "-C", "30,14"), tls))
                .matches("CRITICAL - Certificate 'vigil.test' expires in 10 day\\(s\\) \\([A-Z][a-z]{2} [A-Z][a-z]{2} "
                        + "[ 0-9]{2} [0-9:]{8} [0-9]{4} \\+0000\\)\\.\n");
        assertThat(compare(List.of("-I", "127.0.0.1", "-p", "CLOSED"), plain)).isEqualTo("connect to address "
                + "127.0.0.1 and port " + closedPort + ": Connection refused\n"
                + "HTTP CRITICAL - Unable to open TCP socket\n");
    }

    /** Runs both with {@code template}'s arguments, asserts they agree and gives the plugin's masked output. */
    private String compare(List<String> template, ScriptedHttpServer server) throws Exception {
        return compare(template, server, Map.of("LANG", "C.UTF-8"));
    }

    /** The same, both run with {@code locale} for their LANG and LC_* variables. */
    private String compare(List<String> template, ScriptedHttpServer server, Map<String, String> locale)
            throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : template) {
            args.add(a.replace("PORT", String.valueOf(plain.port())).replace("CLOSED", String.valueOf(closedPort))
                    .replace("SILENT", String.valueOf(silent.getLocalPort()))
                    .replace("EXPIRED", String.valueOf(expired.port()))
                    .replace("HOURS", String.valueOf(hours.port())).replace("TLS", String.valueOf(tls.port())));
        }
        Map<String, String> environment = SideBySide.environment(locale);
        return SideBySide.compare(PLUGIN, a -> new HttpCheck(Clock.systemUTC(), environment).prepare(a), args,
                environment, server, HttpCheckDifferentialTest::masked);
    }

    /** Masks what varies between two runs: the response time, in the text and in the perfdata. */
    static String masked(String output) {
        return output.replaceAll("[0-9]+\\.[0-9]{3} second response time", "T second response time")
                .replaceAll("time=[0-9]+\\.[0-9]{6}s", "time=Ts");
    }
}
