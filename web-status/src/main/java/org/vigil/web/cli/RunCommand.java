package org.vigil.web.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostic;
import org.vigil.engine.Daemon;

/**
 * {@code vigil run nagios.cfg}: the monitor in the foreground, logging to stdout and {@code log_file}, until
 * SIGTERM or Ctrl-C, which stop it cleanly. A config that {@code verify} rejects is refused with the same errors.
 */
final class RunCommand {

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("usage: vigil run NAGIOS_CFG");
            return 2;
        }
        LoadResult config = ConfigLoader.load(Path.of(args[0]));
        Path cwd = Path.of("").toAbsolutePath();
        for (Diagnostic d : config.diagnostics().all()) {
            (d.severity() == org.vigil.config.diag.Severity.ERROR ? err : out).println(VerifyCommand.display(d, cwd));
        }
        if (!config.ok()) {
            err.println("vigil run: the configuration has " + config.diagnostics().errorCount()
                    + " error(s); not starting (check it with 'vigil verify')");
            return 1;
        }
        Daemon daemon;
        try {
            daemon = new Daemon(config, Clock.systemUTC(), out);
        } catch (IOException e) {
            err.println("vigil run: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("[" + System.currentTimeMillis() / 1000 + "] Caught SIGTERM, shutting down...");
            daemon.close();
            stopped.countDown();
            // everything is written: end with status 0, as Nagios does, instead of the JVM's 143
            Runtime.getRuntime().halt(0);
        }, "vigil-shutdown"));
        daemon.start();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
