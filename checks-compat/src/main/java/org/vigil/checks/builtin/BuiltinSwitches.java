package org.vigil.checks.builtin;

import java.util.Set;
import java.util.TreeSet;
import org.vigil.checks.exec.PluginRunner;

/**
 * Whether active checks may run built-in ({@code builtin_checks: enabled:} in vigil.yml, on unless turned off) and
 * which plugins always run forked ({@code forked_plugins:}), e.g. to compare a built-in with the plugin or to work
 * around a difference. Event handlers, notifications and perfdata commands always run forked.
 */
public record BuiltinSwitches(boolean enabled, Set<String> forkedPlugins) {

    /** The default: every built-in on. */
    public static final BuiltinSwitches ON = new BuiltinSwitches(true, Set.of());

    public BuiltinSwitches {
        forkedPlugins = Set.copyOf(forkedPlugins);
    }

    /** The runner of active checks: built-ins in front of {@code forked} while they are on, else {@code forked}. */
    public PluginRunner inFrontOf(PluginRunner forked) {
        return enabled ? new BuiltinRunner(BuiltinChecks.standard(), forkedPlugins, forked) : forked;
    }

    /** For the start-up log: which built-ins run, or that they are off. */
    public String describe() {
        if (!enabled) {
            return "Built-in checks are switched off (builtin_checks: enabled: false): every check runs its plugin";
        }
        Set<String> on = new TreeSet<>(BuiltinChecks.standard().keySet());
        on.removeAll(forkedPlugins);
        return "Built-in checks on: " + (on.isEmpty() ? "none" : String.join(", ", on))
                + " (in-process where the command line allows)"
                + (forkedPlugins.isEmpty() ? ""
                : "; always forked: " + String.join(", ", new TreeSet<>(forkedPlugins)));
    }
}
