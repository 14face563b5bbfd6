package org.vigil.worker.settings;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.worker.conf.ConfSink;
import org.vigil.worker.conf.KeyFiles;
import org.vigil.worker.conf.WorkerConfKeys;
import org.vigil.worker.gearman.ServerAddress;

/**
 * Settings being gathered, one {@code key=value} at a time, from files and the command line, with every problem
 * collected as a {@code where: error: what} line; {@link #build()} applies mod_gearman's defaults and checks.
 */
final class SettingsDraft implements ConfSink {

    /** Keys set as plain fields; everything else is kept in {@link #other}. */
    private final List<ServerAddress> servers = new ArrayList<>();
    private final List<ServerAddress> dupServers = new ArrayList<>();
    private final List<String> hostgroups = new ArrayList<>();
    private final List<String> servicegroups = new ArrayList<>();
    private final Map<String, Boolean> queueFlags = new LinkedHashMap<>();
    private final Map<String, String> single = new LinkedHashMap<>();
    private final Map<String, List<String>> other = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private boolean queuesByHand;
    /** The file:line that named the key file, so its problems point there. */
    private String keyFileWhere;

    List<String> errors() {
        return errors;
    }

    @Override
    public void error(String where, String message) {
        errors.add(where + ": error: " + message);
    }

    /**
     * Takes one {@code key} with its value (null for a bare key) read at {@code where}. Returns the canonical key
     * when it is {@code config} (the caller reads includes), else null.
     */
    @Override
    public String apply(String where, String rawKey, String value) {
        String key = WorkerConfKeys.canonical(rawKey);
        WorkerConfKeys.Kind kind = WorkerConfKeys.kind(key);
        if (kind == null) {
            error(where, "unknown option '" + rawKey.strip() + "'" + org.vigil.config.diag.Suggest.hint(key,
                    WorkerConfKeys.all()));
            return null;
        }
        if (value == null && kind != WorkerConfKeys.Kind.BOOLEAN) {
            error(where, key + ": expected " + key + "=" + expected(kind) + ", got no value");
            return null;
        }
        String v = value == null ? null : value.strip();
        switch (kind) {
            case BOOLEAN -> {
                Boolean b = v == null ? Boolean.TRUE : bool(v);
                if (b == null) {
                    error(where, key + ": expected yes/no, on/off, true/false or 1/0, got '" + v + "'");
                } else {
                    setFlag(key, b);
                }
            }
            case NUMBER -> {
                if (!v.matches("-?\\d{1,9}")) {
                    error(where, key + ": expected a whole number, got '" + v + "'");
                } else {
                    setSingle(key, v);
                }
            }
            case DECIMAL -> {
                if (!v.matches("-?\\d+(\\.\\d+)?")) {
                    error(where, key + ": expected a number such as 1.5, got '" + v + "'");
                } else {
                    setSingle(key, v);
                }
            }
            case LIST -> addList(where, key, v);
            case TEXT -> {
                if ("config".equals(key)) {
                    return key;
                }
                if ("keyfile".equals(key)) {
                    keyFileWhere = where.startsWith("vigil worker") ? null : where;
                }
                setSingle(key, v);
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return null;
    }

    private static String expected(WorkerConfKeys.Kind kind) {
        return switch (kind) {
            case NUMBER -> "<whole number>";
            case DECIMAL -> "<number>";
            case LIST -> "<a,b,...>";
            default -> "<value>";
        };
    }

    /** mod_gearman's parse_yes_or_no words, any case; null for anything else. */
    static Boolean bool(String v) {
        return WorkerConfKeys.yesNo(v);
    }

    private void setFlag(String key, boolean b) {
        if (isQueue(key)) {
            queuesByHand = true;
        }
        queueFlags.put(key, b);
        other.put(key, new ArrayList<>(List.of(b ? "yes" : "no")));
    }

    private static boolean isQueue(String key) {
        return key.equals("hosts") || key.equals("services") || key.equals("eventhandler")
                || key.equals("notifications");
    }

    private void setSingle(String key, String v) {
        single.put(key, v);
        if (!key.equals("key")) {
            other.put(key, new ArrayList<>(List.of(v)));
        }
    }

    private void addList(String where, String key, String v) {
        if (key.equals("restrict_path") || key.equals("export")) {
            other.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
            return;
        }
        for (String item : v.split(",", -1)) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            switch (key) {
                case "server", "dupserver" -> {
                    try {
                        (key.equals("server") ? servers : dupServers).add(ServerAddress.parse(name));
                    } catch (IllegalArgumentException e) {
                        error(where, key + ": expected host:port, got '" + name + "'");
                    }
                }
                case "hostgroups", "servicegroups" -> {
                    if (name.length() > 50) {
                        error(where, key + ": group name '" + name + "' is longer than mod_gearman's 50 characters");
                    } else {
                        queuesByHand = true;
                        (key.equals("hostgroups") ? hostgroups : servicegroups).add(name);
                    }
                }
                default -> other.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
            }
        }
    }

    /** Drops what a file said about the queues, for a command line that names its own. */
    void clearQueues() {
        queuesByHand = false;
        hostgroups.clear();
        servicegroups.clear();
        for (String k : List.of("hosts", "services", "eventhandler", "notifications")) {
            queueFlags.remove(k);
            other.remove(k);
        }
    }

    void clearServers() {
        servers.clear();
    }

    /** Drops a file's key file, for a command line that gives the key itself. */
    void clearKeyFile() {
        single.remove("keyfile");
        other.remove("keyfile");
    }

    /** Applies mod_gearman's defaults and checks; throws with every problem found so far and here. */
    WorkerSettings build(String where, String defaultIdentifier) {
        if (servers.isEmpty()) {
            error(where, "no gearmand server given (expected server=host:port in worker.conf or --server host:port)");
        }
        boolean byHand = queuesByHand;
        boolean hosts = flag("hosts", !byHand);
        boolean services = flag("services", !byHand);
        boolean events = flag("eventhandler", !byHand);
        boolean notifications = flag("notifications", !byHand);
        if (!hosts && !services && !events && !notifications && hostgroups.isEmpty() && servicegroups.isEmpty()) {
            error(where, "no queue to serve: every one of hosts, services, eventhandler and notifications is off and"
                    + " no hostgroups or servicegroups are given");
        }
        boolean encryption = flag("encryption", true);
        String key = single.get("key");
        Path keyFile = single.containsKey("keyfile") ? Path.of(single.get("keyfile")) : null;
        if (keyFile != null) {
            key = readKeyFile(keyFileWhere == null ? where : keyFileWhere, keyFile);
        }
        if (encryption && key == null && keyFile == null) {
            error(where, "encryption is on but no key is given (expected key=..., keyfile=..., --key-file F,"
                    + " or encryption=no)");
        }
        int maxWorker = Math.max(1, number("max-worker", 20));
        int minWorker = Math.min(Math.max(1, number("min-worker", 1)), maxWorker);
        int jobTimeout = Math.max(1, number("job_timeout", 60));
        String identifier = single.getOrDefault("identifier", defaultIdentifier);
        if (!errors.isEmpty()) {
            throw new WorkerSettingsException(errors);
        }
        Map<String, List<String>> rest = new LinkedHashMap<>();
        other.forEach((k, v) -> rest.put(k, List.copyOf(v)));
        return new WorkerSettings(servers, dupServers, key, keyFile, encryption, hosts, services, events,
                notifications, hostgroups, servicegroups, identifier, minWorker, maxWorker, jobTimeout, rest);
    }

    private boolean flag(String key, boolean dflt) {
        return queueFlags.getOrDefault(key, dflt);
    }

    private int number(String key, int dflt) {
        String v = single.get(key);
        return v == null ? dflt : Integer.parseInt(v);
    }

    /**
     * The key as mod_gearman's read_keyfile takes it: the first line, at most 32 characters, trailing white space
     * removed.
     */
    private String readKeyFile(String where, Path file) {
        try {
            String line = KeyFiles.read(file);
            if (line.isEmpty()) {
                error(where, "key file " + file + " is empty (expected the shared key on its first line)");
                return null;
            }
            return line;
        } catch (NoSuchFileException e) {
            error(where, "key file " + file + " does not exist");
        } catch (IOException e) {
            error(where, "key file " + file + " cannot be read: " + e.getMessage());
        }
        return null;
    }
}
