package org.vigil.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.main.MainConfig;
import org.vigil.config.main.MainConfigReader;
import org.vigil.engine.daemon.DaemonRetention;
import org.vigil.engine.retention.JdbcRetentionStore;
import org.vigil.engine.retention.RetentionException;
import org.vigil.engine.retention.RetentionSettings;
import org.vigil.web.app.WebServer;

/**
 * The retention store {@code vigil run} would use for a config (vigil.yml's database, else the system property or
 * environment, else H2 beside {@code state_retention_file}), opened by a command that must not run beside the daemon:
 * {@code import-nagios-state} and {@code export-nagios-state}. A running daemon is told by two signs, either enough:
 * nagios.cfg's {@code lock_file} is locked (by Vigil or by a Nagios on the same file), or the store refuses a
 * second owner (H2's file lock; PostgreSQL's advisory lock, which also covers a daemon on another machine).
 */
final class NagiosStateStore {

    /** The package's settings, used when neither NAGIOS_CFG nor --web-config is given. */
    static final Path PACKAGE_SETTINGS = Path.of("/etc/vigil/vigil.yml");

    private final String command;
    private final PrintStream err;

    NagiosStateStore(String command, PrintStream err) {
        this.command = command;
        this.err = err;
    }

    /** Whether the command line (or the package's vigil.yml) names a config; if not, says so: a usage error. */
    boolean named(Path nagiosCfg, Path webConfig) {
        if (nagiosCfg != null || webConfig != null || Files.isRegularFile(PACKAGE_SETTINGS)) {
            return true;
        }
        err.println(command + ": which Vigil? give its NAGIOS_CFG, or --web-config vigil.yml (with nagios_config)");
        err.println("usage: " + command + " [--web-config vigil.yml] FILE [NAGIOS_CFG]");
        return false;
    }

    /** Where the config and the database are, from the command line; empty (and said) when they cannot be told. */
    Optional<Target> target(Path nagiosCfg, Path webConfig) {
        Path yml = webConfig == null && nagiosCfg == null && Files.isRegularFile(PACKAGE_SETTINGS) ? PACKAGE_SETTINGS
                : webConfig;
        RunSettings settings = null;
        if (yml != null) {
            try {
                settings = WebServer.configuration(yml, RunSettings.class);
            } catch (IOException | io.dropwizard.configuration.ConfigurationException e) {
                err.println(command + ": " + yml + " is not valid: " + e.getMessage().strip());
                return Optional.empty();
            }
        }
        Path cfg = nagiosCfg != null ? nagiosCfg : settings == null ? null : settings.nagiosConfigPath().orElse(null);
        if (cfg == null) {
            err.println(command + ": " + yml + " names no nagios_config: give Vigil's NAGIOS_CFG");
            return Optional.empty();
        }
        Diagnostics problems = new Diagnostics();
        MainConfig main = new MainConfigReader(problems).read(cfg);
        if (main == null || problems.errorCount() > 0) {
            err.println(command + ": " + cfg + " has errors; see 'vigil verify " + cfg + "'");
            return Optional.empty();
        }
        String url = settings != null && settings.database.given() ? settings.database.retentionUrl().orElseThrow()
                : null;
        Optional<RetentionSettings> where = DaemonRetention.settings(main, url);
        if (where.isEmpty()) {
            err.println(command + ": " + cfg + " retains no state (retain_state_information=0 or no"
                    + " state_retention_file): there is no store to use");
            return Optional.empty();
        }
        return Optional.of(new Target(cfg, main, where.get()));
    }

    /** A config and the store its daemon uses. */
    record Target(Path nagiosCfg, MainConfig main, RetentionSettings settings) {
    }

    /** Whether a daemon runs on the config, by its lock file (and says so): checked before any slow work. */
    boolean daemonRuns(Target t) {
        Optional<Path> lock = t.main().path("lock_file");
        if (lock.isPresent() && heldByAnother(lock.get())) {
            err.println(command + ": a daemon runs on this config: " + lock.get() + " is locked"
                    + LockFile.readPid(lock.get()).map(pid -> " by PID " + pid).orElse("")
                    + "; stop it first (the daemon would overwrite the store, and Nagios writes retention.dat only"
                    + " when it stops)");
            return true;
        }
        return false;
    }

    /** Opens the store when no daemon runs on it; empty (and said why) otherwise. */
    Optional<JdbcRetentionStore> open(Target t) {
        if (daemonRuns(t)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JdbcRetentionStore.open(t.settings().jdbcUrl()));
        } catch (RetentionException e) {
            err.println(command + ": " + e.problem());
            return Optional.empty();
        }
    }

    /** Whether another process holds the lock file's lock; a missing or unreadable file is nobody's. */
    private static boolean heldByAnother(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock held = c.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // this very process holds it (a daemon and the command in one JVM, as in a test)
        } catch (IOException e) {
            return false; // not ours to write: the store's own claim still tells a running daemon
        }
    }
}
