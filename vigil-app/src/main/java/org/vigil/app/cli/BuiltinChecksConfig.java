package org.vigil.app.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.checks.builtin.BuiltinChecks;
import org.vigil.checks.builtin.BuiltinSwitches;

/**
 * {@code builtin_checks:} in {@code vigil.yml}: whether active checks may run built-in (on by default) and which
 * plugins always run forked. Absent, every built-in is on.
 */
public final class BuiltinChecksConfig {

    /** {@code false} runs every check's plugin, as Nagios does. */
    @JsonProperty
    public boolean enabled = true;

    /** Plugins (file names, e.g. {@code check_tcp}) that always run forked. */
    @JsonProperty("forked_plugins")
    public List<String> forkedPlugins = List.of();

    /** The switches these settings give. */
    public BuiltinSwitches switches() {
        return new BuiltinSwitches(enabled, Set.copyOf(forkedPlugins == null ? List.of() : forkedPlugins));
    }

    /** What is wrong with these settings, each naming its key. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        Set<String> known = BuiltinChecks.standard().keySet();
        for (String p : forkedPlugins == null ? List.<String>of() : forkedPlugins) {
            if (p == null || !known.contains(p)) {
                out.add("builtin_checks.forked_plugins: '" + p + "' is not a plugin Vigil has built in (expected one"
                        + " of " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
        return out;
    }
}
