package org.vigil.differential;

import static org.vigil.checks.builtin.dns.TinyDnsServer.a;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.vigil.checks.builtin.dns.TinyDnsServer;
import org.vigil.checks.builtin.http.ScriptedHttpServer;
import org.vigil.checks.builtin.io.TestCertificates;
import org.vigil.checks.builtin.tcp.TcpTarget;

/**
 * The local servers the built-in checks scenario points both engines at (checks-compat's test servers), by the
 * placeholder its objects.cfg names them with: {@code BANNER}, {@code ECHO}, {@code SILENT}, {@code SSH},
 * {@code SMTP}, {@code HTTP}, {@code HTTPS} (its certificate for vigil.test ends in ten and a half days) and
 * {@code CLOSED} are ports on 127.0.0.1, {@code DNS} the address of a DNS server on
 * port 53 (nslookup, which check_dns runs, asks port 53 only: a 127.x.y.z address chosen at random, so that runs
 * side by side do not meet; binding it needs root, as CheckDnsDifferentialTest does).
 */
final class CheckTargets implements AutoCloseable {

    private final List<AutoCloseable> servers = new ArrayList<>();
    private final Map<String, String> placeholders = new LinkedHashMap<>();

    /** Starts every server; {@code dir} is for the TLS server's key store. */
    static CheckTargets start(Path dir) throws Exception {
        CheckTargets t = new CheckTargets();
        try {
            t.tcp("BANNER", TcpTarget.says("220 ready for you\r\n", true));
            t.tcp("ECHO", TcpTarget.answers("PING", "PONG\n"));
            t.tcp("SILENT", TcpTarget.silent());
            t.tcp("SSH", TcpTarget.says("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n", false));
            t.tcp("SMTP", TcpTarget.smtp("220 mail.test ESMTP\r\n", "250 mail.test\r\n", 0));
            ScriptedHttpServer http = new ScriptedHttpServer(null, CheckTargets::http);
            t.servers.add(http);
            t.placeholders.put("HTTP", String.valueOf(http.port()));
            ScriptedHttpServer https = new ScriptedHttpServer(TestCertificates.endingIn(dir, "vigil.test",
                    Duration.ofDays(10).plusHours(12)), CheckTargets::http);
            t.servers.add(https);
            t.placeholders.put("HTTPS", String.valueOf(https.port()));
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                t.placeholders.put("CLOSED", String.valueOf(s.getLocalPort()));
            }
            t.dns();
            return t;
        } catch (Exception e) {
            t.close();
            throw e;
        }
    }

    private void tcp(String name, TcpTarget.Script script) throws IOException {
        TcpTarget target = TcpTarget.plain(script);
        servers.add(target);
        placeholders.put(name, String.valueOf(target.port()));
    }

    private static ScriptedHttpServer.Answer http(String request) {
        String path = request.split(" ", 3)[1];
        return ScriptedHttpServer.Answer.of(switch (path) {
            case "/" -> "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world";
            case "/notfound" -> "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
            case "/error" -> "HTTP/1.1 500 Internal Server Error\r\n\r\noops";
            case "/moved" -> "HTTP/1.1 301 Moved Permanently\r\nLocation: /\r\n\r\n";
            default -> "HTTP/1.1 400 Bad Request\r\n\r\n";
        });
    }

    private void dns() throws IOException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String address = "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 256) + "." + r.nextInt(2, 255);
        TinyDnsServer server = new TinyDnsServer(new InetSocketAddress(address, 53))
                .answer("www.example.com", 1, 0, a("www.example.com", 300, "192.0.2.10"),
                        a("www.example.com", 300, "192.0.2.11"))
                .answer("www.example.com", 28, 0)
                .answer("nx.example.com", 1, 3)
                .answer("nx.example.com", 28, 3);
        servers.add(server);
        placeholders.put("DNS", address);
    }

    /** {@code text} with each {@code @NAME@} replaced by its server's port or address. */
    String fill(String text) {
        String out = text;
        for (var p : placeholders.entrySet()) {
            out = out.replace("@" + p.getKey() + "@", p.getValue());
        }
        return out;
    }

    @Override
    public void close() {
        for (AutoCloseable s : servers) {
            try {
                s.close();
            } catch (Exception e) {
                // closing what the test opened: nothing more to do
            }
        }
    }
}
