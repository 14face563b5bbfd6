package org.vigil.checks.builtin.curl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.builtin.BuiltinChecks;

/** Which check_curl lines the built-in takes, and that it says why for the others. */
class CurlCheckPrepareTest {

    private final CurlCheck check = new CurlCheck(Clock.systemUTC(), Map.of("LANG", "C.UTF-8"),
            new CurlVersion(CurlCheck.DEBIAN_PLUGIN));

    private BuiltinCheck.Prepared prepare(String line) {
        return check.prepare(List.of(line.split(" ")));
    }

    /** Options not built in, values the plugin rejects or libcurl reads its own way, forms not tested against it. */
    @ParameterizedTest
    @ValueSource(strings = {"-I 10.0.0.1 -f curl", "-I 10.0.0.1 -f curl -f follow",
        "-I 10.0.0.1 -f nowhere", "-I 10.0.0.1 -N", "-I 10.0.0.1 -P a=b", "-I 10.0.0.1 -j TRACE", "-I 10.0.0.1 -j post",
        "-I 10.0.0.1 -j CONNECT", "-I 10.0.0.1 -k Host:x", "-I 10.0.0.1 -k Accept:x", "-I 10.0.0.1 -k X-Empty:",
        "-I 10.0.0.1 -S1.2", "-I 10.0.0.1 --ssl=1.2", "-I ::1", "-H web_1", "-I 1.2.3",
        "-H [::1]:80", "-I 010.0.0.1", "-I 10.0.0.256", "-I 10.0.0.1 -E", "-I 10.0.0.1 -D", "-I 10.0.0.1 -v",
        "-I 10.0.0.1 -m 100", "-I 10.0.0.1 -M 5m", "-I 10.0.0.1 -d Server", "-I 10.0.0.1 --http-version=1.0",
        "-I 10.0.0.1 --enable-automatic-decompression", "-I 10.0.0.1 --invert-regex -r a", "-I 10.0.0.1 -l -r a",
        "-I 10.0.0.1 -r a\\d", "-I 10.0.0.1 -w 1:2", "-I 10.0.0.1 -c @3", "-I 10.0.0.1 -t 0", "-I 10.0.0.1 -t x",
        "-I 10.0.0.1 -p 0", "-I 10.0.0.1 -p 70000", "-I 10.0.0.1 -u /a/../b", "-I 10.0.0.1 -u /a#b",
        "-I 10.0.0.1 -u relative", "-I 10.0.0.1 -a user", "-I 10.0.0.1 -s é", "-I 10.0.0.1 -A",
        "-I 10.0.0.1 --continue-after-certificate -C 5", "-I 10.0.0.1 -J cert", "-I 10.0.0.1 --ca-cert=x",
        "-I 10.0.0.1 -4", "-I 10.0.0.1 -hn web", "-I 10.0.0.1 -to 5", "10.0.0.1", "-p 80",
        "-I 10.0.0.1 -C 30,x", "-I 10.0.0.1 --hostnam=web"})
    void declinesWhatItDoesNotDoExactly(String line) {
        assertThat(prepare(line)).as(line).isInstanceOf(BuiltinCheck.Declined.class);
        assertThat(((BuiltinCheck.Declined) prepare(line)).why()).as(line).startsWith("check_curl: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-I 10.0.0.1", "-H 10.0.0.1", "-H web.test", "-H web.test -S", "-I web.test -H web",
        "-H web.test -I 10.0.0.1 -S --sni", "-I 10.0.0.1 -C 30,14",
        "-I 10.0.0.1 -j HEAD", "-I 10.0.0.1 -f follow",
        "-I 10.0.0.1 -f sticky --max-redirs=3", "-I 10.0.0.1 -f stickyport",
        "-I 10.0.0.1 -f critical --max-redirs 3 -b a:b -T text/plain",
        "-I 10.0.0.1 -r a.b -R A.B -e 200,301 -s x -w 1 -c 2.5 -t 5 -a u:p -A agent"})
    void takesTheOptionsItDoesAsThePlugin(String line) {
        assertThat(prepare(line)).as(line).isInstanceOf(BuiltinCheck.Ready.class);
        assertThat(check.prepare(List.of("-I", "10.0.0.1", "-k", "X-A: b", "-k", "X-B: c d")))
                .isInstanceOf(BuiltinCheck.Ready.class);
    }

    @Test
    void certificateDatesAndRegexesOnlyInLocalesWhoseBehaviourIsKnown() {
        for (List<String> args : List.of(List.of("-I", "10.0.0.1", "-C", "30"), List.of("-I", "10.0.0.1", "-r", "a"))) {
            assertThat(locale(Map.of("LANG", "de_DE.UTF-8")).prepare(args)).isInstanceOf(BuiltinCheck.Declined.class);
            assertThat(locale(Map.of("LANG", "C.UTF-8", "LC_ALL", "C")).prepare(args))
                    .isInstanceOf(BuiltinCheck.Ready.class);
        }
        assertThat(locale(Map.of("LANG", "de_DE.UTF-8")).prepare(List.of("-I", "10.0.0.1")))
                .isInstanceOf(BuiltinCheck.Ready.class);
    }

    @Test
    void withoutThePluginsVersionOnlyAGivenUserAgentIsBuiltIn() {
        CurlCheck elsewhere = new CurlCheck(Clock.systemUTC(), Map.of(),
                new CurlVersion(Path.of("/nonexistent/check_curl")));
        assertThat(elsewhere.prepare(List.of("-I", "10.0.0.1"))).isInstanceOf(BuiltinCheck.Declined.class);
        assertThat(elsewhere.prepare(List.of("-I", "10.0.0.1", "-A", "agent"))).isInstanceOf(BuiltinCheck.Ready.class);
        assertThat(new CurlVersion(CurlCheck.DEBIAN_PLUGIN).userAgent()).get().asString()
                .startsWith("check_curl/v2.3.3 (monitoring-plugins 2.3.3, libcurl/").endsWith(")");
    }

    @Test
    void portsFromTheHostAndSslAsThePluginSetsThem() throws Exception {
        assertThat(parse("-S", "-I", "10.0.0.1").port()).isEqualTo(443);
        CurlOptions virtual = parse("-H", "web:9090", "-I", "10.0.0.1", "-S");
        assertThat(virtual.port()).isEqualTo(9090);
        assertThat(virtual.virtualPort()).isEqualTo(9090);
        CurlOptions given = parse("-p", "8080", "-H", "web:9090", "-I", "10.0.0.1");
        assertThat(given.port()).isEqualTo(8080);
        assertThat(given.virtualPort()).isEqualTo(9090);
        assertThat(parse("-I", "10.0.0.1", "-c", "12.5").timeoutSeconds()).isEqualTo(13);
    }

    @Test
    void followingKeepsTheStickinessAnEarlierStickySet() throws Exception {
        assertThat(parse("-I", "10.0.0.1", "-f", "sticky", "-f", "follow").follow()).get()
                .isEqualTo(new CurlOptions.Follow(true, false, 15));
        assertThat(parse("-I", "10.0.0.1", "-f", "stickyport", "--max-redirs", "4").follow()).get()
                .isEqualTo(new CurlOptions.Follow(true, true, 4));
        assertThat(parse("-I", "10.0.0.1", "-f", "follow", "-f", "ok").follow()).isEmpty();
    }

    @Test
    void registeredAsABuiltIn() {
        assertThat(BuiltinChecks.standard().get("check_curl")).isInstanceOf(CurlCheck.class);
    }

    private static CurlOptions parse(String... args) throws Exception {
        return CurlArguments.parse(List.of(args), true, "agent");
    }

    private static CurlCheck locale(Map<String, String> environment) {
        return new CurlCheck(Clock.systemUTC(), environment, new CurlVersion(CurlCheck.DEBIAN_PLUGIN));
    }
}
