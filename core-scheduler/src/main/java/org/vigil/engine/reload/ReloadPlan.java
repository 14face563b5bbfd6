package org.vigil.engine.reload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigil.config.LoadResult;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.Severity;
import org.vigil.config.main.MainConfig;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.retention.RetainedState;

/** The decisions of a reload that need no engine: is the new config usable, what carries over, what waits. */
public final class ReloadPlan {

    /**
     * Main-config directives read once by the parts that outlive a reload (log, status file job, command file
     * reader, retention writer): a change is reported and takes effect at the next restart.
     */
    static final List<String> RESTART_ONLY = List.of("log_file", "status_file", "status_update_interval",
            "check_external_commands", "command_file", "retain_state_information", "state_retention_file",
            "lock_file");

    private ReloadPlan() {
    }

    /** Every error of {@code loaded} as {@code file:line: error: ...}; empty when it can be run. */
    public static List<String> errors(LoadResult loaded) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic d : loaded.diagnostics().all()) {
            if (d.severity() == Severity.ERROR) {
                errors.add(d.toString());
            }
        }
        if (errors.isEmpty() && !loaded.ok()) {
            errors.add("the configuration could not be read");
        }
        return errors;
    }

    /** A warning for every restart-only directive whose value differs between {@code old} and {@code next}. */
    public static List<String> restartOnlyChanges(MainConfig old, MainConfig next) {
        List<String> warnings = new ArrayList<>();
        for (String name : RESTART_ONLY) {
            if (!Objects.equals(old.value(name), next.value(name))) {
                warnings.add("Warning: reload: '" + name + "' changed from '" + old.value(name).orElse("")
                        + "' to '" + next.value(name).orElse("") + "'; this takes effect at the next restart");
            }
        }
        return warnings;
    }

    /** The records and entries of {@code state} that belong to objects of {@code existing} (or the program). */
    public static RetainedState onlyExisting(RetainedState state, Set<ObjectKey> existing) {
        Map<ObjectKey, ObjectRecord> records = new HashMap<>(state.records());
        records.keySet().removeIf(k -> k.kind() != ObjectKey.Kind.PROGRAM && !existing.contains(k));
        List<Entry> entries = state.entries().stream()
                .filter(e -> e.object().kind() == ObjectKey.Kind.PROGRAM || existing.contains(e.object()))
                .toList();
        return new RetainedState(records, entries);
    }
}
