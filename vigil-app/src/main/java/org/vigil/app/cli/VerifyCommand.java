package org.vigil.app.cli;

import io.dropwizard.configuration.ConfigurationException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.dump.ObjectCacheWriter;
import org.vigil.web.app.WebServer;
import org.vigil.worker.dispatch.DispatchReading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil verify [--dump-objects FILE] [--explain-checks [--web-config vigil.yml]] nagios.cfg}: loads the
 * config, prints every problem and the object counts (and which checks run built-in); exit 0 without errors, 1 with
 * errors, 2 for bad usage.
 */
@Command(name = "verify", description = {"check a configuration, as 'nagios -v' does",
    "%nPrints every problem with its file and line, then the object counts. Exit 0 without errors, 1 with errors,"
        + " 2 for bad usage."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Option(names = "--dump-objects", paramLabel = "FILE",
            description = "also write the resolved objects, as Nagios writes objects.cache")
    Path dump;

    @Option(names = "--explain-checks",
            description = "also list, per check command, which hosts' and services' checks run built-in and why the"
                    + " others run the plugin")
    boolean explainChecks;

    @Option(names = "--web-config", paramLabel = "FILE",
            description = "the vigil.yml 'vigil run' uses: its gearman: section is checked and, with"
                    + " --explain-checks, its builtin_checks: switches are used")
    Path webConfig;

    @Parameters(paramLabel = "NAGIOS_CFG", description = "the main configuration file")
    Path config;

    private final PrintStream out;
    private final PrintStream err;

    VerifyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        // without --web-config nothing of vigil.yml is used: Dropwizard's defaults are not built (their
        // construction starts logback and loads ~600 classes, 0.2-0.3 s of a short command)
        RunSettings yml = null;
        if (webConfig != null) {
            Optional<RunSettings> settings = settings();
            if (settings.isEmpty()) {
                return 2;
            }
            yml = settings.get();
        }
        LoadResult result = ConfigLoader.load(config);
        DispatchReading dispatch = GearmanSetup.read(yml, result.mainConfig());
        report(result, Optional.of(dispatch), GearmanSetup.describe(yml, dispatch));
        if (explainChecks && result.model() != null) {
            ExplainChecks.print(result, RunSettings.builtins(yml), out);
        }
        if (dump != null && result.model() != null) {
            if (!writeDump(result, dump)) {
                return 1;
            }
        }
        return result.diagnostics().hasErrors() || !dispatch.errors().isEmpty() ? 1 : 0;
    }

    /** Prints every problem, the object counts and the totals, as {@code reload} does. */
    void report(LoadResult result) {
        report(result, Optional.empty(), null);
    }

    /** The same, with the gearman dispatch's problems ({@code verify}). */
    private void report(LoadResult result, Optional<DispatchReading> dispatch, String checksGo) {
        Path cwd = Path.of("").toAbsolutePath();
        for (Diagnostic d : result.diagnostics().all()) {
            out.println(display(d, cwd));
        }
        String below = cwd + java.io.File.separator;
        dispatch.ifPresent(r -> java.util.stream.Stream.concat(r.errors().stream(), r.warnings().stream())
                .map(line -> line.startsWith(below) ? line.substring(below.length()) : line)
                .forEach(out::println));
        if (result.model() != null) {
            out.println();
            for (Map.Entry<String, Integer> c : result.model().counts().entrySet()) {
                out.println("Checked " + c.getValue() + " " + c.getKey() + ".");
            }
            if (checksGo != null) {
                out.println(checksGo);
            }
        }
        out.println();
        out.println("Total Warnings: " + (result.diagnostics().warningCount()
                + dispatch.map(r -> r.warnings().size()).orElse(0)));
        out.println("Total Errors: " + (result.diagnostics().errorCount()
                + dispatch.map(r -> r.errors().size()).orElse(0)));
    }

    /** {@code --web-config}'s settings, the defaults without it; empty (and said) if it is bad. */
    private Optional<RunSettings> settings() {
        try {
            return Optional.of(WebServer.configuration(webConfig, RunSettings.class));
        } catch (IOException | ConfigurationException e) {
            err.println("vigil verify: " + webConfig + " is not valid: " + e.getMessage().strip());
            return Optional.empty();
        }
    }

    private boolean writeDump(LoadResult result, Path dump) {
        try {
            Path dir = dump.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".vigil-dump", ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                ObjectCacheWriter.write(result.model(), w);
            }
            Files.move(tmp, dump, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("vigil verify: cannot write " + dump + ": " + e.getMessage());
            return false;
        }
    }

    /** The diagnostic with its path shown relative to the working directory when it lies below it. */
    static String display(Diagnostic d, Path cwd) {
        SourceLocation loc = d.location();
        if (loc.file() != null && loc.file().isAbsolute() && loc.file().startsWith(cwd)) {
            loc = new SourceLocation(cwd.relativize(loc.file()), loc.line());
        }
        return new Diagnostic(d.severity(), loc, d.message()).toString();
    }
}
