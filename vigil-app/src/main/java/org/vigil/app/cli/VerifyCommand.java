package org.vigil.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.dump.ObjectCacheWriter;

/**
 * {@code vigil verify [--dump-objects FILE] nagios.cfg}: loads the config, prints every problem and the
 * object counts; exit 0 without errors, 1 with errors, 2 for bad usage.
 */
final class VerifyCommand {

    private final PrintStream out;
    private final PrintStream err;

    VerifyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Path dump = null;
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--dump-objects")) {
                if (i + 1 >= args.length) {
                    err.println("vigil verify: --dump-objects needs a file name");
                    return 2;
                }
                dump = Path.of(args[++i]);
            } else if (a.startsWith("--dump-objects=")) {
                dump = Path.of(a.substring("--dump-objects=".length()));
            } else if (a.startsWith("-")) {
                err.println("vigil verify: unknown option '" + a + "'");
                return 2;
            } else if (config == null) {
                config = Path.of(a);
            } else {
                err.println("vigil verify: only one main config file may be given");
                return 2;
            }
        }
        if (config == null) {
            err.println("usage: vigil verify [--dump-objects FILE] NAGIOS_CFG");
            return 2;
        }
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
