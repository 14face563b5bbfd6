package org.vigil.checks.builtin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinCheck;

/** Which check_http lines the built-in takes, and that it says why for the others. */
class HttpCheckPrepareTest {

    private final HttpCheck check = new HttpCheck(Clock.systemUTC(), Map.of("LANG", "C.UTF-8"));

    private BuiltinCheck.Prepared prepare(String line) {
        return check.prepare(List.of(line.split(" ")));
    }

    /** Options not built in, values the plugin rejects or reads differently, forms not tested against it. */
    @ParameterizedTest
    @ValueSource(strings = {"-H web -f nowhere", "-H web -N",
        "-H web -r a\\d", "-H web -r a{2}", "-H web -r [^a]", "-H web -r [[:alpha:]]", "-H web -r *a",
        "-H web -w 1:2", "-H web -c @3", "-H web --invert-regex -r a", "-H web -S1.2", "-H web -v", "-H web -m 100",
        "-H web -d Server", "-H web -E", "-H web -B", "-H web -L", "-H web -M 5m", "web", "-p 80",
        "-H [::1]:80", "-H web -t abc", "-H web -t 0", "-H web -p 70000", "-H web -j CONNECT", "-H web -j GET:x",
        "-H web -C 30,x", "-H web --url", "-H web -4", "-H web --continue-after-certificate -C 5", "-H web -J c",
        "-H web -P", "-H web -l -r a", "-H web --max-redirs x", "-H web -s é"})
    void declinesWhatItDoesNotDoExactly(String line) {
        assertThat(prepare(line)).as(line).isInstanceOf(BuiltinCheck.Declined.class);
        assertThat(((BuiltinCheck.Declined) prepare(line)).why()).startsWith("check_http: ");
    }

    @Test
    void certificateDatesAndRegexesOnlyInLocalesWhoseBehaviourIsKnown() {
        for (List<String> args : List.of(List.of("-H", "web", "-C", "30"), List.of("-H", "web", "-r", "a.b"))) {
            assertThat(new HttpCheck(Clock.systemUTC(), Map.of("LANG", "de_DE.UTF-8")).prepare(args))
                    .isInstanceOf(BuiltinCheck.Declined.class);
            assertThat(new HttpCheck(Clock.systemUTC(), Map.of("LANG", "C.UTF-8", "LC_TIME", "en_GB.UTF-8"))
                    .prepare(args)).isInstanceOf(BuiltinCheck.Declined.class);
            assertThat(new HttpCheck(Clock.systemUTC(), Map.of("LANG", "C.UTF-8", "LC_ALL", "C")).prepare(args))
                    .isInstanceOf(BuiltinCheck.Ready.class);
            assertThat(new HttpCheck(Clock.systemUTC(), Map.of()).prepare(args))
                    .isInstanceOf(BuiltinCheck.Ready.class);
        }
        assertThat(new HttpCheck(Clock.systemUTC(), Map.of("LANG", "de_DE.UTF-8")).prepare(List.of("-H", "web")))
                .isInstanceOf(BuiltinCheck.Ready.class);
    }

    @Test
    void aLargerCriticalStretchesTheTimeoutAsThePluginDoes() throws Exception {
        assertThat(HttpArguments.parse(List.of("-H", "web", "-c", "12.5")).timeoutSeconds()).isEqualTo(13);
        assertThat(HttpArguments.parse(List.of("-H", "web", "-c", "5", "-t", "3")).timeoutSeconds()).isEqualTo(6);
        assertThat(HttpArguments.parse(List.of("-H", "web", "-t", "30")).timeoutSeconds()).isEqualTo(30);
    }

    @Test
    void portsFromTheHostAndSslFollowTheOrderOfTheOptions() throws Exception {
        HttpOptions sslFirst = HttpArguments.parse(List.of("-S", "-H", "web"));
        assertThat(sslFirst.port()).isEqualTo(443);
        HttpOptions portFirst = HttpArguments.parse(List.of("-p", "8080", "-H", "web:9090", "-S"));
        assertThat(portFirst.port()).isEqualTo(8080);
        assertThat(portFirst.virtualPort()).isEqualTo(9090);
        HttpOptions hostFirst = HttpArguments.parse(List.of("-H", "web:9090", "-p", "8080"));
        assertThat(hostFirst.port()).isEqualTo(8080);
        assertThat(hostFirst.virtualPort()).isEqualTo(9090);
    }
}
