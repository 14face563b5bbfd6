package org.vigil.app.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.builtin.CheckWays;
import org.vigil.config.LoadResult;

/**
 * {@code vigil verify --explain-checks}: for each command that hosts and services check with, which of its uses run
 * built-in and why the others run the plugin. Uses of one command that go the same way for the same reason are one
 * line, with how many hosts and services and the first one's expanded command line as the example.
 */
final class ExplainChecks {

    private ExplainChecks() {
    }

    static void print(LoadResult config, BuiltinSwitches switches, PrintStream out) {
        List<CheckWays.Way> ways = CheckWays.of(config.model(), config.mainConfig(), switches, Clock.systemUTC());
        Map<String, List<CheckWays.Way>> groups = new LinkedHashMap<>();
        for (CheckWays.Way w : ways) {
            groups.computeIfAbsent(w.command() + "\u0000" + w.builtIn() + "\u0000" + w.why(), k -> new ArrayList<>())
                    .add(w);
        }
        long builtIn = ways.stream().filter(CheckWays.Way::builtIn).count();
        out.println();
        out.println("Checks: " + builtIn + " of " + ways.size() + " run built-in (command lines expanded with each"
                + " object's macros; runtime macros such as $HOSTSTATE$ read empty here)");
        for (List<CheckWays.Way> g : groups.values()) {
            CheckWays.Way first = g.get(0);
            out.println("  " + first.command() + ": " + (first.builtIn() ? first.why() : "forked: " + first.why())
                    + " (" + counts(g) + ")");
            out.println("      e.g. " + first.object() + ": " + first.line());
        }
    }

    private static String counts(List<CheckWays.Way> g) {
        long hosts = g.stream().filter(w -> w.object().startsWith("host ")).count();
        long services = g.size() - hosts;
        List<String> parts = new ArrayList<>();
        if (hosts > 0) {
            parts.add(hosts + (hosts == 1 ? " host" : " hosts"));
        }
        if (services > 0) {
            parts.add(services + (services == 1 ? " service" : " services"));
        }
        return String.join(", ", parts);
    }
}
