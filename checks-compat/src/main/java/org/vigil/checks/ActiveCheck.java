package org.vigil.checks;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.vigil.checks.command.SplitLines;
import org.vigil.checks.exec.Begun;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.exec.SubjectRunner;
import org.vigil.checks.macro.ExpandedCommand;
import org.vigil.checks.macro.MacroContext;
import org.vigil.checks.macro.MacroResolver;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.checks.output.PluginOutput;
import org.vigil.checks.result.CheckResult;
import org.vigil.checks.result.CheckResultMapper;
import org.vigil.checks.result.PluginExit;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;

/**
 * One active host or service check, end to end: expand the check command's macros, run the plugin with the
 * configured timeout (and the {@code NAGIOS_*} environment when {@code enable_environment_macros=1}), and map the
 * outcome to a {@link CheckResult} with Nagios's rules. Blocking and thread-safe; the engine calls it from its own
 * bounded pool.
 */
public final class ActiveCheck {

    /** What Nagios says of a host without a check command. */
    public static final String HOST_ASSUMED_UP = "(Host assumed to be UP)";

    private final MacroResolver macros;
    private final SubjectRunner runner;
    private final CheckResultMapper mapper;
    private final Settings settings;
    private final Clock clock;
    private final SplitLines lines = new SplitLines();

    /**
     * The nagios.cfg settings a check uses.
     *
     * @param serviceTimeout {@code service_check_timeout} (Nagios's default: 60 s)
     * @param hostTimeout {@code host_check_timeout} (default 30 s)
     * @param environmentMacros {@code enable_environment_macros} (default off)
     */
    public record Settings(Duration serviceTimeout, Duration hostTimeout, PluginExit serviceTimeoutState,
                           boolean environmentMacros) {

        public static Settings from(MainConfig main) {
            return new Settings(seconds(main, "service_check_timeout", 60), seconds(main, "host_check_timeout", 30),
                    PluginExit.fromOption(main.value("service_check_timeout_state", "c")),
                    main.flag("enable_environment_macros", false));
        }

        private static Duration seconds(MainConfig main, String name, int fallback) {
            try {
                return Duration.ofSeconds(Integer.parseInt(main.value(name, Integer.toString(fallback)).strip()));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(fallback);
            }
        }
    }

    public ActiveCheck(MacroResolver macros, PluginRunner runner, Settings settings, Clock clock) {
        this(macros, SubjectRunner.local(runner), settings, clock);
    }

    /** Checks run by {@code runner}, which knows whose check each is (and may send it to a gearmand worker). */
    public ActiveCheck(MacroResolver macros, SubjectRunner runner, Settings settings, Clock clock) {
        this.macros = macros;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
        this.mapper = new CheckResultMapper(settings.serviceTimeoutState());
    }

    /** Everything from the loaded configuration. */
    public static ActiveCheck of(ObjectModel model, MainConfig main, RuntimeMacros runtime, PluginRunner runner,
                                 Clock clock) {
        return new ActiveCheck(new MacroResolver(model, main, runtime, clock), runner, Settings.from(main), clock);
    }

    /** Everything from the loaded configuration, checks run by {@code runner}. */
    public static ActiveCheck of(ObjectModel model, MainConfig main, RuntimeMacros runtime, SubjectRunner runner,
                                 Clock clock) {
        return new ActiveCheck(new MacroResolver(model, main, runtime, clock), runner, Settings.from(main), clock);
    }

    public CheckResult service(Service service) {
        return finish(beginService(service));
    }

    public CheckResult host(Host host) {
        return finish(beginHost(host));
    }

    private static CheckResult finish(Begun<CheckResult> begun) {
        return begun instanceof Begun.Started<CheckResult> started ? started.stage().toCompletableFuture().join()
                : ((Begun.Blocking<CheckResult>) begun).run().get();
    }

    /**
     * Begins a service's check on the calling thread: the macros expanded, a built-in started (it ends on its event
     * loop), a forked plugin left for a thread that may wait.
     */
    public Begun<CheckResult> beginService(Service service) {
        MacroContext ctx = MacroContext.service(service.key());
        return begin(CheckSubject.service(service.key().hostName(), service.key().description()), ctx,
                service.check().checkCommand(), settings.serviceTimeout())
                .map(r -> mapper.service(service.key(), r));
    }

    /** Begins a host's check, as {@link #beginService} does. */
    public Begun<CheckResult> beginHost(Host host) {
        String command = host.check().checkCommand();
        if (command == null || command.isBlank()) {
            var now = clock.instant();
            return new Begun.Started<>(CompletableFuture.completedFuture(
                    new CheckResult(PluginExit.OK, 0, new PluginOutput(HOST_ASSUMED_UP, "", ""), now, now, false)));
        }
        return begin(CheckSubject.host(host.name()), MacroContext.host(host.name()), command, settings.hostTimeout())
                .map(r -> mapper.host(host.name(), r));
    }

    private Begun<PluginResult> begin(CheckSubject subject, MacroContext ctx, String checkCommand, Duration timeout) {
        Optional<ExpandedCommand> cmd = macros.command(ctx, checkCommand);
        if (cmd.isEmpty()) {
            // the loader rejects unknown commands, so this only happens with a model built by hand
            return new Begun.Started<>(CompletableFuture.completedFuture(
                    PluginResult.notStarted("no command named in '" + checkCommand + "'", clock.instant())));
        }
        Map<String, String> env = settings.environmentMacros()
                ? macros.environment(ctx.withArgs(cmd.get().args())) : Map.of();
        return runner.begin(subject, lines.parse(cmd.get().line()), env, timeout);
    }
}
