package org.vigil.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.nagiosstate.StateFile;
import org.vigil.engine.nagiosstate.StateImport;
import org.vigil.engine.nagiosstate.StoreReplacement;
import org.vigil.engine.nagiosstate.VigilObjects;
import org.vigil.engine.retention.JdbcRetentionStore;
import org.vigil.engine.retention.RetentionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil import-nagios-state FILE [NAGIOS_CFG]}: Nagios 4's retention.dat (or status.dat) into the retention
 * store of the Vigil that NAGIOS_CFG (or vigil.yml) configures, in place of what it held; then reports what it took,
 * what it skipped and why. Exit 0 when imported, 1 when not, 2 for bad usage.
 */
@Command(name = "import-nagios-state", description = {"take over a Nagios's state (retention.dat, or status.dat)",
    "%nLoads its states, acknowledgements, comments, downtimes, flapping history, notification numbers and switches"
        + " into the retention store 'vigil run' uses for NAGIOS_CFG, in place of what the store held. Refuses while"
        + " a daemon runs on that config or store. Exit 0 when imported, 1 when not, 2 for bad usage."})
final class ImportNagiosStateCommand implements Callable<Integer> {

    private static final String NAME = "vigil import-nagios-state";

    @Mixin
    NagiosStateOptions options;

    @Option(names = "--dry-run", description = "report what would be taken and skipped; change nothing")
    boolean dryRun;

    @Parameters(index = "0", paramLabel = "FILE", description = "Nagios's retention.dat (or its status.dat)")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAGIOS_CFG", description = "Vigil's main configuration")
    Path config;

    private final PrintStream out;
    private final PrintStream err;

    ImportNagiosStateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        NagiosStateStore stores = new NagiosStateStore(NAME, err);
        if (!stores.named(config, options.webConfig)) {
            return UsageErrors.USAGE;
        }
        Optional<NagiosStateStore.Target> target = stores.target(config, options.webConfig);
        if (target.isEmpty() || !dryRun && stores.daemonRuns(target.get())) {
            return 1;
        }
        LoadResult loaded = ConfigLoader.load(target.get().nagiosCfg());
        if (!loaded.ok()) {
            err.println(NAME + ": " + target.get().nagiosCfg() + " has " + loaded.diagnostics().errorCount()
                    + " error(s); see 'vigil verify " + target.get().nagiosCfg() + "'");
            return 1;
        }
        StateImport.Result imported;
        try {
            imported = StateImport.of(file, VigilObjects.of(loaded.model(), loaded.mainConfig()));
        } catch (StateFile.Unreadable e) {
            err.println(NAME + ": " + e.getMessage());
            return 1;
        }
        if (dryRun) {
            out.println("Dry run: " + file + " (" + kind(imported) + ") was read; the store was not changed.");
            imported.report().lines().forEach(out::println);
            return 0;
        }
        Optional<JdbcRetentionStore> store = stores.open(target.get());
        if (store.isEmpty()) {
            return 1;
        }
        try (JdbcRetentionStore s = store.get()) {
            StoreReplacement.replace(s, imported);
            out.println("Imported " + file + " (" + kind(imported) + ") into " + s.where() + ".");
        } catch (RetentionException e) {
            err.println(NAME + ": " + e.problem());
            return 1;
        }
        imported.report().lines().forEach(out::println);
        return 0;
    }

    private static String kind(StateImport.Result imported) {
        return imported.kind() == StateFile.Kind.RETENTION ? "a retention.dat" : "a status.dat";
    }
}
