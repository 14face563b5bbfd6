package org.vigil.checks.builtin.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.checks.builtin.BuiltinChecks;
import org.vigil.checks.builtin.BuiltinRunner;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.PluginResult;

/** check_dig and check_dns are in the registry, so a command line calling them by name runs them built in. */
class DnsBuiltinsRegisteredTest {

    private final BuiltinRunner runner = new BuiltinRunner(BuiltinChecks.standard(), Set.of(),
            (line, env, timeout) -> PluginResult.notStarted("forked", Instant.EPOCH));

    @Test
    void linesCallingThePluginsByNameRunBuiltInOrSayWhyNot() {
        assertThat(runner.choose(CommandLine.parse("/usr/lib/nagios/plugins/check_dig -H 127.0.0.1 -l www.example.com"))
                .why()).isEqualTo("built-in check_dig");
        assertThat(runner.choose(CommandLine.parse("/opt/plugins/check_dns -H www.example.com -s 127.0.0.1")).builtIn())
                .isTrue();
        assertThat(runner.choose(CommandLine.parse("/usr/lib/nagios/plugins/check_dig -l www.example.com -A +tcp"))
                .why()).isEqualTo("check_dig: -A is not built in");
        assertThat(runner.choose(CommandLine.parse("/usr/lib/nagios/plugins/check_dns -H www.example.com")).why())
                .isEqualTo("check_dns: the built-in needs -H and -s");
    }
}
