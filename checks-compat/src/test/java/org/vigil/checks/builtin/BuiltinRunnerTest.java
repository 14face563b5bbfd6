package org.vigil.checks.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;

class BuiltinRunnerTest {

    /** A built-in of check_fake that accepts only {@code -x}. */
    private static final BuiltinCheck FAKE = new BuiltinCheck() {
        @Override
        public String plugin() {
            return "check_fake";
        }

        @Override
        public Prepared prepare(List<String> args) {
            if (args.equals(List.of("-hang"))) { // a built-in that never ends by itself
                return new Ready(timeout -> new CompletableFuture<>());
            }
            return args.equals(List.of("-x")) ? new Ready(Run.blocking(timeout -> result(0, "FAKE OK - built in")))
                    : new Declined("check_fake: only -x is built in");
        }
    };

    private static final PluginRunner FORKED = (line, env, timeout) -> result(2, "forked " + line.line());

    private static PluginResult result(int code, String out) {
        Instant now = Instant.EPOCH;
        return new PluginResult(code, out + "\n", "", now, now, false, false, null);
    }

    private final BuiltinRunner runner = new BuiltinRunner(Map.of("check_fake", FAKE), Set.of(), FORKED);

    private String run(String line, Map<String, String> env) {
        return runner.run(CommandLine.parse(line), env, Duration.ofSeconds(10)).stdout().strip();
    }

    @Test
    void aPluginCalledByItsNameWithSupportedOptionsRunsBuiltInWhateverItsDirectory() {
        assertThat(run("/usr/lib/nagios/plugins/check_fake -x", Map.of())).isEqualTo("FAKE OK - built in");
        assertThat(run("/opt/plugins/check_fake -x", Map.of())).isEqualTo("FAKE OK - built in");
        assertThat(runner.choose(CommandLine.parse("check_fake -x")).why()).isEqualTo("built-in check_fake");
    }

    @Test
    void anythingElseRunsTheRealPluginAndSaysWhy() {
        assertThat(run("/usr/lib/nagios/plugins/check_fake -y", Map.of())).startsWith("forked");
        assertThat(runner.choose(CommandLine.parse("/p/check_fake -y")).why())
                .isEqualTo("check_fake: only -x is built in");
        assertThat(runner.choose(CommandLine.parse("/p/check_other -x")).why())
                .isEqualTo("Vigil has no built-in check_other");
        assertThat(runner.choose(CommandLine.parse("/p/check_fake -x | tee /tmp/x")).why())
                .startsWith("it needs a shell");
        assertThat(run("/p/check_fake -x", Map.of("NAGIOS_HOSTNAME", "web1"))).startsWith("forked");
        BuiltinRunner off = new BuiltinRunner(Map.of("check_fake", FAKE), Set.of("check_fake"), FORKED);
        assertThat(off.choose(CommandLine.parse("/p/check_fake -x")).why())
                .isEqualTo("built-in check_fake is switched off");
    }

    @Test
    void aBuiltInStartsWithoutWaitingAndOneThatNeverEndsEndsAsAPluginKilledAtItsTimeout() {
        long before = System.nanoTime();
        CompletableFuture<PluginResult> started = runner.start(CommandLine.parse("/p/check_fake -hang"), Map.of(),
                Duration.ofMillis(200)).toCompletableFuture();
        assertThat(started).isNotDone();
        PluginResult r = started.join();
        assertThat(r.timedOut()).isTrue();
        assertThat(r.exitCode()).isEqualTo(137);
        assertThat((System.nanoTime() - before) / 1_000_000).isBetween(1_100L, 3_000L);
    }
}
