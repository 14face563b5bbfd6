package org.vigil.checks.builtin.curl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigil.checks.builtin.http.ScriptedHttpServer;
import org.vigil.checks.builtin.http.SideBySide;
import org.vigil.checks.builtin.io.TestCertificates;

/**
 * The built-in check_curl against Debian's {@code /usr/lib/nagios/plugins/check_curl}, both run with the same
 * arguments against the same local servers (scripted answers, bodies cut short or stalled, a closed port, a port
 * that never answers, TLS with certificates ending at chosen times): the same exit code, the same output with only
 * the times masked (the response time, and libcurl's milliseconds in its texts), the same perfdata, and the same
 * request bytes seen by the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurlCheckDifferentialTest {

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
        plain = ScriptedHttpServer.inParts(null, CurlCheckDifferentialTest::answer);
        // certificates ending in 10.5 days, 2 days ago and 5.5 hours
        tls = ScriptedHttpServer.inParts(TestCertificates.endingIn(dir, "vigil.test", Duration.ofHours(252)),
                CurlCheckDifferentialTest::answer);
        expired = ScriptedHttpServer.inParts(TestCertificates.endingIn(dir, "old.vigil.test", Duration.ofDays(-2)),
                CurlCheckDifferentialTest::answer);
        hours = ScriptedHttpServer.inParts(TestCertificates.endingIn(dir, "soon.vigil.test", Duration.ofMinutes(330)),
                CurlCheckDifferentialTest::answer);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        plainPort = plain.port();
        tlsPort = tls.port();
        closedPortForScript = closedPort;
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : List.<AutoCloseable>of(plain, tls, expired, hours, silent)) {
            try {
                c.close();
            } catch (Exception e) {
                // closing what the tests opened; nothing else to do
            }
        }
    }

    private static List<ScriptedHttpServer.Part> answer(String request) {
        String path = request.split(" ", 3)[1];
        return switch (path) {
            case "/" -> ok("Content-Length: 11\r\n", BODY);
            case "/notfound" -> now("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            case "/error" -> now("HTTP/1.1 500 Internal Server Error\r\n\r\noops");
            case "/moved" -> now("HTTP/1.1 301 Moved Permanently\r\nLocation: /\r\n\r\n");
            case "/found" -> now("HTTP/1.1 302 Found\r\nLocation: http://example.test/\r\n\r\n");
            case "/http10" -> now("HTTP/1.0 200 OK\r\nServer: old\r\n\r\nhello");
            case "/continue" -> now("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
            case "/nocontent" -> now("HTTP/1.1 204 No Content\r\n\r\n");
            case "/auth" -> request.contains("\r\nAuthorization: Basic dXNlcjpzZWNyZXQ=\r\n") ? ok("", "welcome")
                    : now("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");
            case "/chunked" -> ok("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n");
            case "/leading" -> ok("Content-Type: text/html\r\n", "\r\n\n<html>\nTitle: Hello\n</html>\n");
            case "/nul" -> ok("X-Nul: 1\r\n", "a\0b hello");
            case "/utf8" -> ok("", "caf\u00c3\u00a9 au lait end");
            case "/big" -> ok("Content-Length: 600\r\n", "x".repeat(600));
            case "/slow" -> List.of(new ScriptedHttpServer.Part("HTTP/1.1 200 OK\r\n\r\nslow", 1300));
            case "/stall" -> List.of(new ScriptedHttpServer.Part("HTTP/1.1 200 OK\r\n\r\nlate", 3000));
            case "/partial" -> List.of(new ScriptedHttpServer.Part("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc",
                    0), new ScriptedHttpServer.Part("defghij", 3000));
            case "/trickle" -> List.of(new ScriptedHttpServer.Part("HTTP/1.1 200 OK\r\n\r\nabcd", 0),
                    new ScriptedHttpServer.Part("ef", 3000));
            case "/short" -> now("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
            case "/chunkcut" -> ok("Transfer-Encoding: chunked\r\n", "5\r\nhel");
            case "/empty" -> List.of();
            case "/odd" -> now("HTTP/1.1 99 Odd\r\n\r\n");
            case "/nocode" -> now("HTTP/1.1 2000 Big\r\n\r\n");
            case "/garbage" -> now("garbage\r\n\r\n");
            case "/lf" -> now("HTTP/1.1 200 OK\nContent-Length: 2\n\nhi");
            case "/cut" -> now("HTTP/1.1 200 OK\r\nContent-Le");
            case "/cutline" -> now("HTTP/1.1 200 OK");
            case "/cutnotfound" -> now("HTTP/1.1 404 Not Found\r\nServer: x\r\n");
            case "/badchunk" -> ok("Transfer-Encoding: chunked\r\n", "zz\r\nhello\r\n0\r\n\r\n");
            case "/http12" -> now("HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n");
            case "/subcode" -> now("HTTP/1.1 200.1 OK\r\nContent-Length: 0\r\n\r\n");
            case "/huge" -> now("HTTP/1.1 700 Beyond\r\nContent-Length: 0\r\n\r\n");
            default -> path.startsWith("/r/") ? redirect(path.substring(3))
                    : now("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        };
    }

    private static List<ScriptedHttpServer.Part> redirect(String name) {
        String here = "http://127.0.0.1:" + plainPort;
        String location = switch (name) {
            case "target" -> null;
            case "absolute" -> "Location: " + here + "/r/target\r\n";
            case "host" -> "location:   http://localhost:" + plainPort + "/r/target\r\n";
            case "relative" -> "Location: target\r\n";
            case "loop" -> "Location: " + here + "/r/loop\r\n";
            case "chain" -> "Location: " + here + "/r/chain\r\n";
            case "otherport" -> "Location: http://127.0.0.1:" + closedPortForScript + "/r/target\r\n";
            case "tls" -> "Location: https://127.0.0.1:" + tlsPort + "/notfound\r\n";
            case "tlsself" -> "Location: https://127.0.0.1:" + tlsPort + "/r/target\r\n";
            case "folded" -> "Location:\r\n  /r/target\r\n";
            case "unparsable" -> "Location: <nowhere>\r\n";
            case "bigport" -> "Location: http://127.0.0.1:99999/\r\n";
            case "query" -> "Location: " + here + "/r/target?x=1#frag\r\n";
            case "dots" -> "Location: " + here + "/r/../r/./target\r\n";
            case "rootless" -> "Location: " + here + "\r\n";
            case "name" -> "Location: http://no-such-host.invalid:" + plainPort + "/\r\n";
            default -> "";
        };
        return location == null ? ok("Content-Length: 7\r\n", "arrived")
                : now("HTTP/1.1 302 Found\r\nServer: scripted\r\n" + location + "Content-Length: 0\r\n\r\n");
    }

    private static List<ScriptedHttpServer.Part> now(String bytes) {
        return List.of(new ScriptedHttpServer.Part(bytes, 0));
    }

    private static List<ScriptedHttpServer.Part> ok(String headers, String body) {
        return now("HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body);
    }

    Stream<List<String>> plainCases() {
        return Stream.of(
                List.of("-I", "127.0.0.1", "-p", "PORT"),
                List.of("-H", "localhost", "-I", "127.0.0.1", "-p", "PORT"),
                List.of("-H", "127.0.0.1", "-p", "PORT", "-u", "/notfound"),
                List.of("--hostname=127.0.0.1", "--port=PORT", "--url=/error"),
                List.of("-H", "vigil.test:PORT", "-I", "127.0.0.1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/moved"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/found", "-f", "ok"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/found", "-f", "warning"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/moved", "-f", "critical"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/moved", "--onredirect=unknown"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/notfound", "-e", "404"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-e", "200,404"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-e", "201,HTTP/1.0"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/error", "-e", "HTTP/1.1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/notfound", "-e", "404", "-s", "nope"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-s", "hello"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-s", "goodbye"),
                List.of("-H", "localhost", "-I", "127.0.0.1", "-p", "PORT", "-s", "a string longer than 29 bytes"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-s", "exactly twenty-nine bytes ..."),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/notfound", "-s", "hello"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-s", "nope", "-r", "xyz"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-r", "hel+o w(o|a)r[a-z]d$"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-r", "HELLO"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-R", "HELLO"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "--ereg=^world"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/leading", "-r", "^<html>$"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/nul", "-s", "a"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/nul", "-s", "hello"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/utf8", "-r", "caf. au"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/chunked", "-s", "hello world"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/chunked", "-r", "x=y"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/http10"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/continue", "-s", "hello"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/nocontent"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/big"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-w", "0.5", "-c", "5"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-c", "20"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/slow", "-w", "1", "-c", "3"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/slow", "-c", "1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/stall", "-t", "1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/partial", "-t", "1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/trickle", "-t", "1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/short"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/chunkcut"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-j", "HEAD"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-j", "DELETE", "-T", "text/plain"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-j", "POST", "-k", "X-A: 1"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-j", "POST", "-T", "text/plain", "-k", "X-A: 1"),
                List.of("-H", "localhost", "-p", "PORT", "-j", "PUT"),
                List.of("-H", "localhost", "-p", "PORT", "-j", "PUT", "-T", "application/json", "-u", "/notfound"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-j", "PATCH", "-T", "text/plain"),
                List.of("-H", "localhost", "-I", "127.0.0.1", "-p", "PORT", "-j", "OPTIONS", "--max-redirs", "3"),
                List.of("-H", "localhost", "-I", "127.0.0.1", "-p", "PORT", "-k", "X-Test: 1", "-k", "X-Other: two"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/auth", "-a", "user:secret"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/auth"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-b", "proxy:pw", "-A", "Vigil-Test/1", "--sni"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/empty"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/odd"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/nocode"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/garbage"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/huge"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/lf"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/cut"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/cutline"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/cutnotfound"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/badchunk"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/http12"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/subcode"),
                List.of("-I", "127.0.0.1", "-p", "CLOSED"),
                List.of("-H", "localhost", "-p", "PORT"),
                List.of("-H", "localhost", "-p", "CLOSED"),
                List.of("-I", "localhost", "-H", "vigil.test", "-p", "PORT", "-u", "/notfound"),
                List.of("-H", "no-such-host.invalid", "-t", "5"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/absolute", "-f", "follow", "-s", "arrived"),
                List.of("-H", "localhost", "-I", "127.0.0.1", "-p", "PORT", "-u", "/r/host", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/host", "-f", "sticky", "-w", "5"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/relative", "-f", "follow"),
                List.of("-H", "127.0.0.1", "-p", "PORT", "-u", "/r/loop", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/loop", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/chain", "-f", "follow", "--max-redirs", "2"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/otherport", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/otherport", "-f", "stickyport"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/otherport", "-f", "sticky"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/tls", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/folded", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/none", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/unparsable", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/bigport", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/query", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/dots", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/rootless", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/name", "-f", "follow"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/absolute", "-f", "follow", "-e", "302"),
                List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/r/absolute", "-f", "sticky", "-f", "follow"),
                List.of("-H", "127.0.0.1", "-p", "SILENT", "-t", "1"));
    }

    Stream<List<String>> tlsCases() {
        return Stream.of(
                List.of("-S", "-I", "127.0.0.1", "-p", "TLS"),
                List.of("--ssl", "--sni", "-H", "localhost", "-I", "127.0.0.1", "-p", "TLS", "-u", "/notfound"),
                List.of("-S", "-H", "localhost:TLS", "-I", "127.0.0.1", "-s", "world", "-w", "2"),
                List.of("-I", "127.0.0.1", "-p", "TLS", "-C", "30"),
                List.of("-I", "127.0.0.1", "-p", "TLS", "-C", "30,14"),
                List.of("-I", "127.0.0.1", "-p", "TLS", "-C", "10,5"),
                List.of("-I", "127.0.0.1", "-p", "TLS", "--certificate=5", "-u", "/notfound"),
                List.of("-I", "127.0.0.1", "-p", "TLS", "-C", "5", "-u", "/empty"),
                List.of("-S", "-I", "127.0.0.1", "-p", "EXPIRED", "-C", "5"),
                List.of("-H", "localhost", "-I", "127.0.0.1", "-p", "HOURS", "-C", "1"),
                List.of("-H", "127.0.0.1", "-p", "HOURS", "-C", "1,0", "-S", "--sni"),
                List.of("-S", "-I", "127.0.0.1", "-p", "SILENT", "-t", "1"),
                List.of("-I", "127.0.0.1", "-p", "SILENT", "-t", "1", "-C", "20"),
                List.of("-S", "-H", "localhost", "-I", "127.0.0.1", "-p", "CLOSED", "-C", "20"),
                List.of("-S", "-H", "localhost", "-p", "TLS", "-s", "hello"),
                List.of("-H", "localhost", "-p", "TLS", "-C", "30"),
                List.of("-S", "-H", "localhost", "-p", "CLOSED"),
                List.of("-S", "-H", "no-such-host.invalid"),
                List.of("-S", "-I", "127.0.0.1", "-p", "TLS", "-u", "/r/tlsself", "-f", "follow", "-s", "arrived"),
                List.of("-S", "-I", "127.0.0.1", "-p", "TLS", "-u", "/r/relative", "-f", "follow"));
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
        assertThat(compare(List.of("-I", "127.0.0.1", "-p", "CLOSED"), plain)).isEqualTo("HTTP CRITICAL - Invalid HTTP "
                + "response received from host on port " + closedPort + ": cURL returned 7 - Failed to connect to "
                + "127.0.0.1 port " + closedPort + " after N ms: Couldn't connect to server\n");
        assertThat(compare(List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/partial", "-t", "1"), plain))
                .isEqualTo("HTTP CRITICAL - Invalid HTTP response received from host on port " + plain.port()
                        + ": cURL returned 28 - Operation timed out after N milliseconds with 3 out of 10 bytes "
                        + "received\n");
        assertThat(plain.requests().get(plain.requests().size() - 1)).startsWith("GET /partial HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + plain.port() + "\r\nUser-Agent: check_curl/v2.3.3 (monitoring-plugins 2.3.3, "
                + "libcurl/").endsWith(")\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    }

    /** Regexes over a body with UTF-8, whose reading depends on the plugin's locale. */
    Stream<List<String>> localeCases() {
        Stream.Builder<List<String>> cases = Stream.builder();
        for (String locale : List.of("C.UTF-8", "C")) {
            for (String regex : List.of("caf. au", "caf.. au", "CAF. AU")) {
                cases.add(List.of(locale, regex));
            }
        }
        return cases.build();
    }

    @ParameterizedTest
    @MethodSource("localeCases")
    void regexesReadTheBodyAsThePluginDoesInItsLocale(List<String> localeAndRegex) throws Exception {
        String regex = localeAndRegex.get(1);
        compare(List.of("-I", "127.0.0.1", "-p", "PORT", "-u", "/utf8", regex.startsWith("C") ? "-R" : "-r", regex),
                plain, localeAndRegex.get(0));
    }

    /** Runs both with {@code template}'s arguments, asserts they agree and gives the plugin's masked output. */
    private String compare(List<String> template, ScriptedHttpServer server) throws Exception {
        return compare(template, server, "C.UTF-8");
    }

    /** The same, both run with {@code lang} for LANG and no LC_* variable. */
    private String compare(List<String> template, ScriptedHttpServer server, String lang) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : template) {
            args.add(a.replace("PORT", String.valueOf(plain.port())).replace("CLOSED", String.valueOf(closedPort))
                    .replace("SILENT", String.valueOf(silent.getLocalPort()))
                    .replace("EXPIRED", String.valueOf(expired.port()))
                    .replace("HOURS", String.valueOf(hours.port())).replace("TLS", String.valueOf(tls.port())));
        }
        Map<String, String> environment = SideBySide.environment(Map.of("LANG", lang));
        return SideBySide.compare(CurlCheck.DEBIAN_PLUGIN, a -> new CurlCheck(Clock.systemUTC(), environment,
                new CurlVersion(CurlCheck.DEBIAN_PLUGIN)).prepare(a), args, environment, server,
                CurlCheckDifferentialTest::masked);
    }

    /** Masks what varies between two runs: the response time, in the text and perfdata, and libcurl's times. */
    static String masked(String output) {
        return output.replaceAll("[0-9]+\\.[0-9]{3} second response time", "T second response time")
                .replaceAll("time=[0-9]+\\.[0-9]{6}s", "time=Ts")
                .replaceAll("after [0-9]+ ms", "after N ms")
                .replaceAll("after [0-9]+ milliseconds", "after N milliseconds")
                .replaceAll("Unparsable status line in [0-9.e-]+ seconds", "Unparsable status line in T seconds");
    }
}
