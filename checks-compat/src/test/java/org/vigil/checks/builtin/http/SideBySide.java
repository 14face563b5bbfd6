package org.vigil.checks.builtin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.vigil.checks.builtin.BuiltinCheck;
import org.vigil.checks.exec.PluginResult;

/**
 * A built-in and its real plugin run at once with the same arguments and environment against a
 * {@link ScriptedHttpServer}: the same exit code, the same output once {@code masked}, and each request the server
 * received received from both. The differential tests of check_http and check_curl share it.
 */
public final class SideBySide {

    private SideBySide() {
    }

    /** This process's environment with {@code LANG} as given and no {@code LC_*} variable, as both run with it. */
    public static Map<String, String> environment(Map<String, String> locale) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        environment.putAll(locale);
        return environment;
    }

    /**
     * Runs {@code plugin} and the built-in {@code prepare} gives for the same {@code args} in {@code environment},
     * asserts they agree, and gives the plugin's masked output.
     */
    public static String compare(Path plugin, Function<List<String>, BuiltinCheck.Prepared> prepare, List<String> args,
                                 Map<String, String> environment, ScriptedHttpServer server,
                                 UnaryOperator<String> masked) throws Exception {
        assertThat(plugin).as("Debian's %s (monitoring-plugins-basic)", plugin.getFileName()).isExecutable();
        BuiltinCheck.Prepared prepared = prepare.apply(args);
        assertThat(prepared).as("built in for %s", args).isInstanceOf(BuiltinCheck.Ready.class);
        int before = server.requests().size();
        CompletableFuture<PluginResult> builtIn = CompletableFuture.supplyAsync(
                () -> ((BuiltinCheck.Ready) prepared).run().run(Duration.ofSeconds(30)));
        List<String> command = new ArrayList<>(List.of(plugin.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(environment);
        Process real = pb.start();
        String realOut = new String(real.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int realExit = real.waitFor();
        PluginResult ours = builtIn.get();

        assertThat(masked.apply(ours.stdout())).as("output for %s", args).isEqualTo(masked.apply(realOut));
        assertThat(ours.exitCode()).as("exit code for %s (%s)", args, realOut).isEqualTo(realExit);
        List<String> seen = server.requests().subList(before, server.requests().size());
        // the two ran at once, so their requests interleave: each request must have come from both
        Map<String, Long> times = seen.stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(times.values()).as("requests for %s: %s", args, times).allMatch(n -> n % 2 == 0);
        return masked.apply(realOut);
    }
}
