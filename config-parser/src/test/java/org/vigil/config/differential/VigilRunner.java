package org.vigil.config.differential;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.dump.ObjectCacheWriter;

/** Loads a config with Vigil and writes its objects in Nagios's precache layout. */
final class VigilRunner {

    /** Vigil's verdict: its diagnostics, paths relative to the config's directory, and its dump if it has one. */
    record Run(List<String> diagnostics, boolean hasErrors, Optional<String> dump) {
        @Override
        public String toString() {
            return "Vigil reported:\n" + String.join("\n", diagnostics);
        }
    }

    private VigilRunner() {
    }

    static Run run(Path nagiosCfg) {
        LoadResult result = ConfigLoader.load(nagiosCfg);
        Path base = nagiosCfg.toAbsolutePath().getParent();
        List<String> lines = result.diagnostics().all().stream().map(d -> relative(d, base)).toList();
        Optional<String> dump = Optional.empty();
        if (result.model() != null && !result.diagnostics().hasErrors()) {
            StringBuilder sb = new StringBuilder();
            ObjectCacheWriter.write(result.model(), sb);
            dump = Optional.of(sb.toString());
        }
        return new Run(lines, result.diagnostics().hasErrors(), dump);
    }

    /**
     * {@code file:line: error: message} with every path under {@code base}, in the location and in
     * the message, relative to it, as expected-errors.txt has it.
     */
    private static String relative(Diagnostic d, Path base) {
        String message = d.message().replace(base + "/", "");
        SourceLocation at = d.location();
        if (at.file() == null || !at.file().toAbsolutePath().startsWith(base)) {
            return new Diagnostic(d.severity(), at, message).toString();
        }
        Path file = base.relativize(at.file().toAbsolutePath());
        return new Diagnostic(d.severity(), new SourceLocation(file, at.line()), message).toString();
    }
}
