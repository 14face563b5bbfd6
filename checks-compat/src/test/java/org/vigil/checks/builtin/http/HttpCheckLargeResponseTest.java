package org.vigil.checks.builtin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.builtin.io.TestCertificates;
import org.vigil.checks.exec.PluginResult;

/**
 * Responses of many reads (hundreds of kilobytes, many TLS records, NULs among them) read to the server's close
 * on the event loop give what Debian's check_http gives for them: the size, the string found at the very end.
 */
class HttpCheckLargeResponseTest {

    private static final Path PLUGIN = Path.of("/usr/lib/nagios/plugins/check_http");
    private static final String BODY = ("0123456789abcdef\0".repeat(20_000)) + "the end";

    @TempDir
    Path dir;

    @Test
    void aLargeBodyOverPlainAndTlsIsReadWholeAsThePluginReadsIt() throws Exception {
        ScriptedHttpServer.Answer big = ScriptedHttpServer.Answer.of("HTTP/1.1 200 OK\r\nContent-Length: "
                + BODY.length() + "\r\n\r\n" + BODY);
        try (ScriptedHttpServer plain = new ScriptedHttpServer(null, request -> big);
             ScriptedHttpServer tls = new ScriptedHttpServer(TestCertificates.endingIn(dir, "big.vigil.test",
                     Duration.ofDays(30)), request -> big)) {
            for (List<String> args : List.of(
                    List.of("-I", "127.0.0.1", "-p", String.valueOf(plain.port()), "-s", "the end"),
                    List.of("-S", "-I", "127.0.0.1", "-p", String.valueOf(tls.port()), "-s", "the end"),
                    List.of("-S", "-I", "127.0.0.1", "-p", String.valueOf(tls.port()), "-s", "ef 01"))) {
                String builtIn = builtIn(args);
                assertThat(builtIn).as("built-in for %s", args).isEqualTo(plugin(args));
                assertThat(builtIn).as("%s", args).startsWith("0 HTTP OK: HTTP/1.1 200 OK - " + (BODY.length() + 43)
                        + " bytes in T second response time");
            }
        }
    }

    private static String builtIn(List<String> args) {
        BuiltinCheck.Prepared prepared = new HttpCheck(Clock.systemUTC(), Map.of("LANG", "C.UTF-8")).prepare(args);
        PluginResult r = ((BuiltinCheck.Ready) prepared).run().run(Duration.ofSeconds(30));
        return r.exitCode() + " " + HttpCheckDifferentialTest.masked(r.stdout());
    }

    private static String plugin(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PLUGIN.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        pb.environment().put("LANG", "C.UTF-8");
        Process real = pb.start();
        String out = new String(real.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return real.waitFor() + " " + HttpCheckDifferentialTest.masked(out);
    }
}
