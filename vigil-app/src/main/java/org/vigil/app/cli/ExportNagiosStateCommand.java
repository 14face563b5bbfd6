package org.vigil.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.engine.nagiosstate.StateExport;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.JdbcRetentionStore;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.RetainedState;
import org.vigil.engine.retention.RetentionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil export-nagios-state FILE [NAGIOS_CFG]}: the retention store of the Vigil NAGIOS_CFG (or vigil.yml)
 * configures, written as a retention.dat Nagios 4.4.6 reads at its start: going back keeps states, acknowledgements,
 * comments and downtimes. Exit 0 when written, 1 when not, 2 for bad usage.
 */
@Command(name = "export-nagios-state", description = {"write Vigil's retained state as Nagios's retention.dat",
    "%nFor a site going back to Nagios 4: FILE is written for Nagios's state_retention_file. Reads the retention"
        + " store 'vigil run' uses for NAGIOS_CFG; refuses while a daemon runs on it. Exit 0 when written, 1 when"
        + " not, 2 for bad usage."})
final class ExportNagiosStateCommand implements Callable<Integer> {

    private static final String NAME = "vigil export-nagios-state";

    @Mixin
    NagiosStateOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "the retention.dat to write")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAGIOS_CFG", description = "Vigil's main configuration")
    Path config;

    private final PrintStream out;
    private final PrintStream err;

    ExportNagiosStateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        NagiosStateStore stores = new NagiosStateStore(NAME, err);
        if (!stores.named(config, options.webConfig)) {
            return UsageErrors.USAGE;
        }
        Optional<JdbcRetentionStore> store = stores.target(config, options.webConfig).flatMap(stores::open);
        if (store.isEmpty()) {
            return 1;
        }
        RetainedState state;
        try (JdbcRetentionStore s = store.get()) {
            state = s.load();
        } catch (RetentionException e) {
            err.println(NAME + ": " + e.problem());
            return 1;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".vigil-retention", ".tmp");
            Files.writeString(tmp, StateExport.write(state, Instant.now()), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            err.println(NAME + ": cannot write " + file + ": " + FileProblems.describe(e));
            return 1;
        }
        out.println("Wrote " + file + ": " + count(state, ObjectKey.Kind.HOST) + " hosts, "
                + count(state, ObjectKey.Kind.SERVICE) + " services, " + count(state, ObjectKey.Kind.CONTACT)
                + " contacts, " + entries(state, Entry.Kind.COMMENT) + " comments, "
                + entries(state, Entry.Kind.DOWNTIME) + " downtimes.");
        return 0;
    }

    private static long count(RetainedState s, ObjectKey.Kind kind) {
        return s.records().keySet().stream().filter(k -> k.kind() == kind).count();
    }

    private static long entries(RetainedState s, Entry.Kind kind) {
        return s.entries().stream().filter(e -> e.kind() == kind).count();
    }
}
