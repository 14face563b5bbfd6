package org.vigil.checks.builtin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.checks.exec.PluginResult;
import org.vigil.checks.exec.PluginRunner;
import org.vigil.checks.macro.ExpandedCommand;
import org.vigil.checks.macro.MacroContext;
import org.vigil.checks.macro.MacroResolver;
import org.vigil.checks.macro.RuntimeMacros;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;

/**
 * How each host's and service's check would run: its command line expanded with the object's macros (runtime
 * ones, such as {@code $HOSTSTATE$}, read empty: nothing has run yet), and whether it runs built-in or forked and
 * why ({@link BuiltinRunner#choose}). For {@code vigil verify --explain-checks} and the start-up notice about a
 * missing plugin directory.
 */
public final class CheckWays {

    /** Never runs anything: {@link BuiltinRunner#choose} only reads lines. */
    private static final PluginRunner NOT_RUN = (line, env, timeout) -> PluginResult.notStarted("not run", null);

    private CheckWays() {
    }

    /**
     * One object's check.
     *
     * @param object {@code host NAME} or {@code service HOST/DESCRIPTION}
     * @param command the command's name
     * @param line the expanded command line
     * @param builtIn whether it runs in-process
     * @param why {@code built-in check_x}, or why the plugin runs
     */
    public record Way(String object, String command, String line, boolean builtIn, String why) {
    }

    /** Every host and service with a check command, hosts first, in the model's order. */
    public static List<Way> of(ObjectModel model, MainConfig main, BuiltinSwitches switches, Clock clock) {
        MacroResolver macros = new MacroResolver(model, main, RuntimeMacros.NONE, clock);
        BuiltinRunner runner = new BuiltinRunner(BuiltinChecks.standard(), switches.forkedPlugins(), NOT_RUN);
        String offWhy = !switches.enabled() ? "built-in checks are switched off (builtin_checks: enabled: false)"
                : main.flag("enable_environment_macros", false)
                ? "enable_environment_macros=1: the plugin may read the NAGIOS_* environment" : null;
        List<Way> out = new ArrayList<>();
        for (Host h : model.hosts().values()) {
            String command = h.check().checkCommand();
            if (command != null && !command.isBlank()) {
                way("host " + h.name(), macros.command(MacroContext.host(h.name()), command), runner, offWhy)
                        .ifPresent(out::add);
            }
        }
        for (Map.Entry<?, Service> e : model.services().entrySet()) {
            Service s = e.getValue();
            way("service " + s.key().hostName() + "/" + s.key().description(),
                    macros.command(MacroContext.service(s.key()), s.check().checkCommand()), runner, offWhy)
                    .ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Way> way(String object, Optional<ExpandedCommand> cmd, BuiltinRunner runner,
                                     String offWhy) {
        return cmd.map(c -> {
            BuiltinRunner.Choice choice = runner.choose(c.commandLine());
            if (choice.builtIn() && offWhy != null) {
                return new Way(object, c.name(), c.line(), false, offWhy);
            }
            return new Way(object, c.name(), c.line(), choice.builtIn(), choice.why());
        });
    }
}
