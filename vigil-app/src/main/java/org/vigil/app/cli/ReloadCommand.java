package org.vigil.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil reload nagios.cfg}: verifies the config exactly as {@code vigil verify} does (same output); with
 * errors exits 1 and the running monitor is left alone; else sends SIGHUP to the monitor named by the config's
 * {@code lock_file}, which reloads it keeping all state.
 */
@Command(name = "reload", description = {"verify a config and have the running monitor reload it",
    "%nPrints what verify prints; with errors exits 1 and the monitor keeps its configuration, else sends SIGHUP"
        + " to the PID in lock_file: the monitor reloads, keeping all state."})
final class ReloadCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "NAGIOS_CFG", description = "the main configuration file")
    Path file;

    private final PrintStream out;
    private final PrintStream err;

    ReloadCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        LoadResult config = ConfigLoader.load(file);
        new VerifyCommand(out, err).report(config);
        if (!config.ok()) {
            err.println("vigil reload: the configuration has " + config.diagnostics().errorCount()
                    + " error(s); the running monitor keeps its configuration");
            return 1;
        }
        Optional<Path> lock = config.mainConfig().path("lock_file");
        if (lock.isEmpty()) {
            err.println("vigil reload: " + file + " sets no lock_file, so the running monitor cannot be found"
                    + " (set lock_file, as for Nagios)");
            return 1;
        }
        if (!Files.exists(lock.get())) {
            err.println("vigil reload: " + lock.get() + " does not exist: is the monitor running?");
            return 1;
        }
        Optional<Long> pid = LockFile.readPid(lock.get());
        if (pid.isEmpty() || ProcessHandle.of(pid.get()).map(p -> !p.isAlive()).orElse(true)) {
            err.println("vigil reload: " + lock.get() + " names no running process" + pid.map(p -> " (PID " + p + ")")
                    .orElse("") + ": is the monitor running?");
            return 1;
        }
        return signal(pid.get());
    }

    private int signal(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).redirectErrorStream(true).start();
            String said = new String(kill.getInputStream().readAllBytes()).strip();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                err.println("vigil reload: cannot signal PID " + pid + ": " + said);
                return 1;
            }
        } catch (IOException e) {
            err.println("vigil reload: cannot signal PID " + pid + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        out.println("Sent SIGHUP to the monitor (PID " + pid + "): it reloads its configuration, keeping all state;"
                + " see its log for the result.");
        return 0;
    }
}
