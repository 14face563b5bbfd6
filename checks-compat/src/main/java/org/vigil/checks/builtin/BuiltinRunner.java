package org.vigil.checks.builtin;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.checks.builtin.io.BuiltinIo;
import org.vigil.checks.command.CommandLine;
import org.vigil.checks.exec.Begun;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;

/**
 * Runs a command line with a built-in check where one does exactly what the plugin would, else with the real
 * plugin ({@code fallback}). A line is a built-in's when it runs without a shell, its program's file name is the
 * built-in's plugin (any directory: {@code $USER1$/check_tcp}, {@code /usr/lib/nagios/plugins/check_tcp}), no
 * environment macros are asked for (a plugin could read them) and the built-in accepts its arguments.
 */
public final class BuiltinRunner implements PluginRunner {

    private final Map<String, BuiltinCheck> checks;
    private final Set<String> disabledPlugins;
    private final PluginRunner fallback;

    /**
     * @param checks the built-ins, by plugin name
     * @param disabledPlugins plugins always run forked (the per-plugin switch)
     * @param fallback the runner of the real plugins
     */
    public BuiltinRunner(Map<String, BuiltinCheck> checks, Set<String> disabledPlugins, PluginRunner fallback) {
        this.checks = Map.copyOf(checks);
        this.disabledPlugins = Set.copyOf(disabledPlugins);
        this.fallback = fallback;
    }

    @Override
    public PluginResult run(CommandLine line, Map<String, String> environment, Duration timeout) {
        return start(line, environment, timeout).toCompletableFuture().join();
    }

    /**
     * A built-in's run starts here and ends on {@link BuiltinIo}'s loop; the real plugin begins as its runner begins
     * it (the native runner spawns it here and waits on its own thread; others leave it to a thread that may wait).
     * A built-in that has not ended a second after {@code timeout} (it should end by then on its own) ends as a
     * plugin killed at its timeout would.
     */
    @Override
    public Begun<PluginResult> begin(CommandLine line, Map<String, String> environment, Duration timeout) {
        if (environment.isEmpty()) {
            Optional<BuiltinCheck.Run> run = choose(line).run();
            if (run.isPresent()) {
                Instant start = Instant.now();
                long deadline = System.nanoTime() + timeout.plusSeconds(1).toNanos();
                return new Begun.Started<>(BuiltinIo.shared().by(run.get().start(timeout).toCompletableFuture(),
                        deadline, () -> new PluginResult(137, "", "", start, Instant.now(), true, false, null)));
            }
        }
        return fallback.begin(line, environment, timeout);
    }

    /** Which way {@code line} runs, and why not built-in when it does not: for {@code vigil verify --explain-checks}. */
    public Choice choose(CommandLine line) {
        if (line.isEmpty()) {
            return Choice.forked("an empty command line");
        }
        if (line.viaShell()) {
            return Choice.forked("it needs a shell (" + line.shellFeatures() + ")");
        }
        List<String> argv = line.argv();
        Path program = Path.of(argv.get(0)).getFileName();
        String name = program == null ? argv.get(0) : program.toString();
        BuiltinCheck check = checks.get(name);
        if (check == null) {
            return Choice.forked("Vigil has no built-in " + name);
        }
        if (disabledPlugins.contains(name)) {
            return Choice.forked("built-in " + name + " is switched off");
        }
        BuiltinCheck.Prepared p = check.prepare(argv.subList(1, argv.size()));
        if (p instanceof BuiltinCheck.Ready ready) {
            return new Choice(Optional.of(ready.run()), "built-in " + name);
        }
        return Choice.forked(((BuiltinCheck.Declined) p).why());
    }

    /** A line's way: a built-in run, or the real plugin with the reason. */
    public record Choice(Optional<BuiltinCheck.Run> run, String why) {

        static Choice forked(String why) {
            return new Choice(Optional.empty(), why);
        }

        public boolean builtIn() {
            return run.isPresent();
        }
    }
}
