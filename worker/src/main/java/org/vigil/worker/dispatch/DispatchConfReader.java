package org.vigil.worker.dispatch;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.config.main.GearmanModuleLine;
import org.vigil.worker.conf.KeyFiles;
import org.vigil.worker.conf.WorkerConfKeys;
import org.vigil.worker.conf.WorkerConfReader;

/**
 * Reads the central node's {@link DispatchSettings} from where an admin gives them, in this order, a later source
 * replacing what an earlier one set: nagios.cfg's mod_gearman {@code broker_module} line (its {@code key=value}
 * arguments and the {@code module.conf} its {@code config=} names, as mod_gearman's NEB module reads them), a
 * {@code module.conf} named elsewhere (vigil.yml's {@code gearman: config}), and single keys given elsewhere
 * (vigil.yml's {@code gearman:} keys). Defaults are mod_gearman's ({@code common/utils.c} set_default_options and
 * the NEB module's verify_options: with no queue named, {@code host}, {@code service} and {@code eventhandler}).
 * Unknown keys and bad values are errors naming {@code file:line}; documented mod_gearman keys the central node does
 * not act on are warnings.
 */
public final class DispatchConfReader {

    private final DispatchDraft draft = new DispatchDraft();
    private final WorkerConfReader files = new WorkerConfReader(draft);
    private String origin;
    private Duration orphanAfter = Duration.ofSeconds(10);
    private Optional<Duration> localFallbackAfter = Optional.of(Duration.ofSeconds(60));

    /** Reads the module line's arguments; a relative {@code config=} is taken from {@code baseDir} (nagios.cfg's). */
    public DispatchConfReader moduleLine(GearmanModuleLine line, Path baseDir) {
        String where = line.where().toString();
        origin(where);
        if (line.arguments().isEmpty()) {
            draft.error(where, "the mod_gearman module line has no arguments (expected, say, broker_module="
                    + line.module() + " config=/etc/mod-gearman/module.conf)");
        }
        for (String arg : line.arguments()) {
            int eq = arg.indexOf('=');
            String key = eq >= 0 ? arg.substring(0, eq) : arg;
            String value = eq >= 0 ? arg.substring(eq + 1) : null;
            if (draft.apply(where, key, value) != null) {
                files.read(where, baseDir.resolve(value.strip()));
            }
        }
        return this;
    }

    /** Reads a {@code module.conf} (or a directory of them) named at {@code where}. */
    public DispatchConfReader file(String where, Path file) {
        origin(where);
        files.read(where, file);
        return this;
    }

    /**
     * Takes keys given at {@code where} (mod_gearman's names, {@code null} value for a bare switch), each replacing
     * what earlier sources said for it: a list key replaces the earlier list, {@code key} replaces a key file and
     * the other way round, and naming any queue ({@code hosts}, {@code hostgroups}...) replaces every earlier queue.
     */
    public DispatchConfReader override(String where, Map<String, String> keys) {
        origin(where);
        if (keys.keySet().stream().map(WorkerConfKeys::canonical).anyMatch(DispatchDraft.QUEUE_KEYS::contains)) {
            draft.forgetQueues();
        }
        keys.keySet().forEach(draft::forget);
        keys.forEach((k, v) -> {
            if (draft.apply(where, k, v) != null) {
                files.read(where, Path.of(v.strip()));
            }
        });
        return this;
    }

    /** Vigil's own: how long after a check's timeout a job without a result is orphaned. */
    public DispatchConfReader orphanAfter(Duration after) {
        orphanAfter = after;
        return this;
    }

    /** Vigil's own: how long without gearmand before checks run locally; empty: never. */
    public DispatchConfReader localFallbackAfter(Optional<Duration> after) {
        localFallbackAfter = after;
        return this;
    }

    private void origin(String where) {
        if (origin == null) {
            origin = where;
        }
    }

    /** The settings read, with every problem; {@link DispatchReading#LOCAL} when no source was given. */
    public DispatchReading read() {
        if (origin == null) {
            return DispatchReading.LOCAL;
        }
        if (draft.servers.get("server").isEmpty()) {
            draft.error(origin, "no gearmand server given (expected server=host:port in module.conf, on the"
                    + " broker_module line or in vigil.yml's gearman: server)");
        }
        boolean encryption = draft.flag("encryption", true);
        Optional<Path> keyFile = Optional.ofNullable(draft.single.get("keyfile")).map(Path::of);
        String key = keyFile.isPresent() ? readKey(keyFile.get()) : draft.single.get("key");
        if (encryption && key == null && keyFile.isEmpty()) {
            draft.error(origin, "encryption is on but no key is given (expected key=..., keyfile=... or"
                    + " encryption=no)");
        }
        int resultWorkers = number("result_workers", 1);
        if (resultWorkers < 0) {
            draft.error(draft.setAt.get("result_workers"), "result_workers: expected 0 or more, got "
                    + resultWorkers);
        } else if (resultWorkers == 0) {
            draft.warnings.add(draft.setAt.get("result_workers") + ": warning: result_workers=0: this node reads"
                    + " no results; every check sent ends orphaned unless another node reads them for it");
        }
        int orphanReturn = number("orphan_return", 2);
        if (orphanReturn < 0 || orphanReturn > 3) {
            draft.error(draft.setAt.get("orphan_return"), "orphan_return: expected 0, 1, 2 or 3 (OK, WARNING,"
                    + " CRITICAL, UNKNOWN), got " + orphanReturn);
        }
        if (!draft.errors.isEmpty()) {
            return new DispatchReading(Optional.empty(), draft.errors, draft.warnings, keyFile);
        }
        return new DispatchReading(Optional.of(settings(key, encryption, resultWorkers, orphanReturn)),
                draft.errors, draft.warnings, keyFile);
    }

    private DispatchSettings settings(String key, boolean encryption, int resultWorkers, int orphanReturn) {
        boolean defaults = !draft.queuesByHand();
        String resultQueue = draft.single.getOrDefault("result_queue", "");
        return new DispatchSettings(draft.servers.get("server"), draft.servers.get("dupserver"), key, encryption,
                draft.flag("accept_clear_results", false), draft.flag("hosts", defaults),
                draft.flag("services", defaults), draft.flag("eventhandler", defaults),
                draft.flag("notifications", false), draft.flag("do_hostchecks", true),
                draft.flag("route_eventhandler_like_checks", false), draft.groups.get("hostgroups"),
                draft.groups.get("servicegroups"), draft.groups.get("localhostgroups"),
                draft.groups.get("localservicegroups"), customVariable(), draft.flag("use_uniq_jobs", true),
                resultQueue.isEmpty() ? DispatchSettings.CHECK_RESULTS : resultQueue, resultWorkers,
                draft.flag("orphan_host_checks", true), draft.flag("orphan_service_checks", true), orphanReturn,
                orphanAfter, localFallbackAfter);
    }

    /** mod_gearman upper-cases the name; Vigil also drops the leading underscore a custom variable is written with. */
    private Optional<String> customVariable() {
        String v = draft.single.getOrDefault("queue_custom_variable", "").toUpperCase(Locale.ROOT);
        while (v.startsWith("_")) {
            v = v.substring(1);
        }
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private int number(String key, int dflt) {
        String v = draft.single.get(key);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private String readKey(Path file) {
        String where = draft.setAt.get("keyfile");
        try {
            String key = KeyFiles.read(file);
            if (key.isEmpty()) {
                draft.error(where, "key file " + file + " is empty (expected the shared key on its first line)");
                return null;
            }
            return key;
        } catch (NoSuchFileException e) {
            draft.error(where, "key file " + file + " does not exist (expected the shared key on its first line)");
        } catch (IOException e) {
            draft.error(where, "key file " + file + " cannot be read: " + e.getMessage());
        }
        return null;
    }

    /** Every mod_gearman key the central node acts on, for documentation and the vigil.yml section's checks. */
    public static List<String> keysActedOn() {
        return DispatchConfKeys.ACTED_ON.stream().sorted().toList();
    }
}
