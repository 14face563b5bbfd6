package org.vigil.engine.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.vigil.checks.builtin.BuiltinSwitches;
import org.vigil.checks.builtin.CheckWays;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.ObjectModel;

/**
 * The start-up notice for a machine without the plugins: when {@code $USER1$} (by convention the plugin directory)
 * names a directory that does not exist, one line says so, with how many checks will fail for it and how many run
 * built-in anyway, instead of leaving the user to work it out from every check's execvp error; when none will fail
 * (every check runs built-in, as the sample's do), a note says that no check needs it.
 */
final class PluginDirectory {

    private PluginDirectory() {
    }

    static Optional<String> missingNotice(MainConfig main, ObjectModel model, BuiltinSwitches switches, Clock clock) {
        String dir = main.userMacros().getOrDefault("USER1", "");
        if (dir.isBlank() || Files.isDirectory(Path.of(dir))) {
            return Optional.empty();
        }
        List<CheckWays.Way> ways = CheckWays.of(model, main, switches, clock);
        long builtIn = ways.stream().filter(CheckWays.Way::builtIn).count();
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        long failing = ways.stream().filter(w -> !w.builtIn() && w.line().stripLeading().startsWith(prefix)).count();
        String missing = "the plugin directory " + dir + " ($USER1$) does not exist (is monitoring-plugins installed?)";
        if (failing == 0) {
            // nothing fails for it (the sample's case): a note, not a warning, but still said, for the checks to come
            return Optional.of("Note: " + missing + "; no check needs it: " + builtIn + " of " + ways.size()
                    + " run built-in (vigil verify --explain-checks lists them), other plugins will need it");
        }
        return Optional.of("Warning: " + missing + ": " + failing + " of " + ways.size() + " checks run a plugin"
                + " from it and will fail; " + builtIn + " run built-in (vigil verify --explain-checks lists them)");
    }
}
