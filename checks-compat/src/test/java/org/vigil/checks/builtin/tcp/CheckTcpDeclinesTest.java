package org.vigil.checks.builtin.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinChecks;
import org.vigil.checks.builtin.BuiltinRunner;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.PluginResult;

/** Lines the built-in check_tcp leaves to the real plugin, and why (as {@code --explain-checks} shows it). */
class CheckTcpDeclinesTest {

    private final BuiltinRunner runner = new BuiltinRunner(BuiltinChecks.standard(), Set.of(),
            (line, env, timeout) -> PluginResult.notStarted("not run here", java.time.Instant.EPOCH));

    private String why(String line) {
        return runner.choose(CommandLine.parse(line)).why();
    }

    @Test
    void everyNameDebianLinksToCheckTcpIsBuiltInExceptUdp() {
        for (String name : List.of("check_tcp", "check_ftp", "check_pop", "check_imap", "check_nntp", "check_jabber",
                "check_clamd", "check_simap", "check_spop", "check_ssmtp", "check_nntps")) {
            assertThat(why("/usr/lib/nagios/plugins/" + name + " -H 10.0.0.1 -p 99")).isEqualTo("built-in " + name);
        }
        assertThat(why("/usr/lib/nagios/plugins/check_udp -H 10.0.0.1 -p 99 -s x -e y"))
                .isEqualTo("Vigil has no built-in check_udp");
    }

    @Test
    void optionsAndValuesThePluginReadsOtherwiseRunThePlugin() {
        Map<String, String> declined = Map.ofEntries(
                Map.entry("check_tcp -H 10.0.0.1", "check_tcp: no port (-p)"),
                Map.entry("check_tcp 10.0.0.1 -p 80", "check_tcp: argument 10.0.0.1 is not built in"),
                Map.entry("check_tcp -H 10.0.0.1 -p 80 -v", "check_tcp: option -v is not built in"),
                Map.entry("check_tcp -H 10.0.0.1 -p 80 -d 1", "check_tcp: option -d is not built in"),
                Map.entry("check_tcp -H 10.0.0.1 -p 80 -Ej", "check_tcp: option -Ej is not built in"),
                Map.entry("check_tcp -H 10.0.0.1 -p 80 --sni=x", "check_tcp: option --sni=x is not built in"),
                Map.entry("check_tcp -H 10.0.0.1 -p 80 --host=x", "check_tcp: option --host=x is not built in"),
                Map.entry("check_tcp -H 10.0.0.1 -p 80 -w 1e3", "check_tcp: -w 1e3: only plain decimal seconds are"
                        + " built in"),
                Map.entry("check_tcp -H 10.0.0.1 -p 80 -t 0", "check_tcp: -t 0: only a positive number of seconds "
                        + "is built in"),
                Map.entry("check_tcp -H 10.0.0.1 -p 70000", "check_tcp: -p 70000: only ports 1 to 65535 are built in"),
                Map.entry("check_tcp -H /run/x.sock -p 1", "check_tcp: -H /run/x.sock: only host names and "
                        + "addresses are built in"),
                Map.entry("check_tcp -H 10.0.0.1 -p 80 -M maybe", "check_tcp: -M maybe: not one of ok, warn, crit"),
                Map.entry("check_tcp -H 10.0.0.1 -p 80 -D 5,x", "check_tcp: -D 5,x: only DAYS or DAYS,DAYS is "
                        + "built in"),
                Map.entry("check_tcp -H 10.0.0.1 -p 80 -E -s 'a\\'", "check_tcp: -s ends in a lone backslash"),
                Map.entry("check_ftp -H 10.0.0.1 -p", "check_ftp: option -p has no value"),
                Map.entry("check_ftp", "check_ftp: no arguments (the plugin prints its usage)"));
        declined.forEach((line, why) -> assertThat(why(line)).as(line).isEqualTo(why));
    }

    @Test
    void checkSshTakesHostPortTimeoutVersionAndProtocolOnly() {
        assertThat(why("check_ssh -H 10.0.0.1 -t 5 -r OpenSSH_9.2p1 -P 2.0")).isEqualTo("built-in check_ssh");
        assertThat(why("check_ssh -p 2222 10.0.0.1")).isEqualTo("built-in check_ssh");
        assertThat(why("check_ssh -4 10.0.0.1")).isEqualTo("check_ssh: option -4 is not built in");
        assertThat(why("check_ssh --host=10.0.0.1")).isEqualTo("check_ssh: option --host=10.0.0.1 is not built in");
        assertThat(why("check_ssh 10.0.0.1 22 extra")).isEqualTo("check_ssh: argument extra is not built in");
        assertThat(why("check_ssh 22")).isEqualTo("check_ssh: a number 22 where the host goes");
        assertThat(why("check_ssh -H 10.0.0.1 -t 0")).startsWith("check_ssh: -t 0:");
    }

    @Test
    void checkSmtpTakesItsBasicsOnly() {
        assertThat(why("check_smtp -H 10.0.0.1 -p 587 -e ESMTP -w 1 -c 2 -t 5")).isEqualTo("built-in check_smtp");
        assertThat(why("check_smtp 10.0.0.1")).isEqualTo("built-in check_smtp");
        assertThat(why("check_smtp -H 10.0.0.1 -S")).isEqualTo("check_smtp: option -S is not built in");
        assertThat(why("check_smtp -H 10.0.0.1 -C 'MAIL FROM:<a@b>'")).isEqualTo("check_smtp: option -C is not built"
                + " in");
        assertThat(why("check_smtp -H 10.0.0.1 -t 0")).isEqualTo("check_smtp: -t 0: only 1 to 65535 is built in");
        assertThat(why("check_smtp -H 10.0.0.1 -w 1e2")).startsWith("check_smtp: -w 1e2:");
    }

    @Test
    void escapesAreThePluginsOnly() {
        assertThat(TcpOptions.unescape("a\\nb\\rc\\td\\\\e\\qf")).isEqualTo("a\nb\rc\td\\eqf");
    }
}
