package org.vigil.worker.dispatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.diag.Suggest;
import org.vigil.worker.gearman.ServerAddress;
import org.vigil.worker.conf.ConfSink;
import org.vigil.worker.conf.WorkerConfKeys;

/**
 * The dispatch settings being gathered one {@code key=value} at a time, as mod_gearman's {@code parse_args_line}
 * takes them: lists add up over repeated keys, a single value is replaced by the next; each value checked against
 * its kind, every problem kept as a {@code where: error: ...} line and every key not acted on as a warning.
 */
final class DispatchDraft implements ConfSink {

    static final List<String> QUEUE_KEYS = List.of("hosts", "services", "eventhandler", "notifications",
            "hostgroups", "servicegroups");

    final Map<String, List<ServerAddress>> servers = new LinkedHashMap<>();
    final Map<String, List<String>> groups = new LinkedHashMap<>();
    final Map<String, Boolean> flags = new LinkedHashMap<>();
    final Map<String, String> single = new LinkedHashMap<>();
    /** Where each key was last set, for errors about its value found when building. */
    final Map<String, String> setAt = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    private final Set<String> byHand = new HashSet<>();
    /** mod_gearman counts a non-empty {@code perfdata=} as naming queues by hand (its set_queues_by_hand). */
    private boolean perfdataByHand;

    DispatchDraft() {
        for (String k : List.of("server", "dupserver")) {
            servers.put(k, new ArrayList<>());
        }
        for (String k : List.of("hostgroups", "servicegroups", "localhostgroups", "localservicegroups")) {
            groups.put(k, new ArrayList<>());
        }
    }

    @Override
    public void error(String where, String message) {
        errors.add(where + ": error: " + message);
    }

    @Override
    public String apply(String where, String rawKey, String value) {
        String key = WorkerConfKeys.canonical(rawKey);
        WorkerConfKeys.Kind kind = WorkerConfKeys.kind(key);
        if (kind == null) {
            error(where, "unknown mod_gearman option '" + rawKey.strip() + "'" + hint(key));
            return null;
        }
        String v = value == null ? null : value.strip();
        if (!DispatchConfKeys.ACTED_ON.contains(key)) {
            if (key.equals("perfdata") && v != null && !v.isEmpty()) {
                perfdataByHand = true;
            }
            warnings.add(where + ": warning: mod_gearman option '" + key + "' is ignored by Vigil: "
                    + DispatchConfKeys.notActedOn(key));
            return null;
        }
        if (v == null && kind != WorkerConfKeys.Kind.BOOLEAN) {
            error(where, key + ": expected " + key + "=<value>, got no value");
            return null;
        }
        setAt.put(key, where);
        switch (kind) {
            case BOOLEAN -> {
                Boolean b = v == null ? Boolean.TRUE : WorkerConfKeys.yesNo(v);
                if (b == null) {
                    error(where, key + ": expected yes/no, on/off, true/false or 1/0, got '" + v + "'");
                } else {
                    flags.put(key, b);
                    markQueue(key);
                }
            }
            case NUMBER -> {
                if (v.matches("-?\\d{1,9}")) {
                    single.put(key, v);
                } else {
                    error(where, key + ": expected a whole number, got '" + v + "'");
                }
            }
            case LIST -> addList(where, key, v);
            case TEXT -> {
                if (key.equals("config")) {
                    return key;
                }
                single.put(key, v);
            }
            default -> error(where, key + ": not a central node setting");
        }
        return null;
    }

    private static String hint(String key) {
        String best = Suggest.closest(key, WorkerConfKeys.all());
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private void markQueue(String key) {
        if (QUEUE_KEYS.contains(key)) {
            byHand.add(key);
        }
    }

    private void addList(String where, String key, String v) {
        for (String item : v.split(",", -1)) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (servers.containsKey(key)) {
                try {
                    servers.get(key).add(ServerAddress.parse(name));
                } catch (IllegalArgumentException e) {
                    error(where, key + ": expected host:port, got '" + name + "'");
                }
            } else if (name.length() > 50 && !key.startsWith("local")) {
                error(where, key + ": group name '" + name + "' is longer than mod_gearman's 50 characters");
            } else {
                groups.get(key).add(name);
                markQueue(key);
            }
        }
    }

    /** Forgets what was read for {@code key} before, for a later source (vigil.yml) that replaces it. */
    void forget(String key) {
        String k = WorkerConfKeys.canonical(key);
        if (servers.containsKey(k)) {
            servers.get(k).clear();
        } else if (groups.containsKey(k)) {
            groups.get(k).clear();
        }
        flags.remove(k);
        single.remove(k);
        byHand.remove(k);
        if (k.equals("key")) {
            single.remove("keyfile");
        } else if (k.equals("keyfile")) {
            single.remove("key");
        }
    }

    /** Forgets every queue read so far, for a later source naming its own. */
    void forgetQueues() {
        QUEUE_KEYS.forEach(this::forget);
        perfdataByHand = false;
    }

    /** Whether any queue was named, so mod_gearman's default queues (host, service, eventhandler) do not apply. */
    boolean queuesByHand() {
        return !byHand.isEmpty() || perfdataByHand;
    }

    boolean flag(String key, boolean dflt) {
        return flags.getOrDefault(key, dflt);
    }
}
