package org.vigil.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.dump.ObjectCacheWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil verify [--dump-objects FILE] nagios.cfg}: loads the config, prints every problem and the
 * object counts; exit 0 without errors, 1 with errors, 2 for bad usage.
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
        LoadResult result = ConfigLoader.load(config);
        report(result);
        if (dump != null && result.model() != null) {
            if (!writeDump(result, dump)) {
                return 1;
            }
        }
        return result.diagnostics().hasErrors() ? 1 : 0;
    }

    /** Prints every problem, the object counts and the totals, as {@code verify} does (and {@code reload}). */
    void report(LoadResult result) {
        Path cwd = Path.of("").toAbsolutePath();
        for (Diagnostic d : result.diagnostics().all()) {
            out.println(display(d, cwd));
        }
        if (result.model() != null) {
            out.println();
            for (Map.Entry<String, Integer> c : result.model().counts().entrySet()) {
                out.println("Checked " + c.getValue() + " " + c.getKey() + ".");
            }
        }
        out.println();
        out.println("Total Warnings: " + result.diagnostics().warningCount());
        out.println("Total Errors: " + result.diagnostics().errorCount());
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
