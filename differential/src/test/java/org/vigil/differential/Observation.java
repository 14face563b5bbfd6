package org.vigil.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one engine did in a scenario, per object and in order: its alert, notification, downtime, flapping and event
 * handler log lines (timestamps stripped), the lines its notification commands and event handlers wrote, and the
 * final status.dat fields, with the object's comments and downtimes (keys {@code host[;service] comments} and
 * {@code ... downtimes}, as sets) and whether each contact was notified about hosts and services. Keys are {@code host}, {@code host;service}, or for notifications
 * {@code host[;service] to contact}. The {@code order} channel holds the same log lines keyed by object alone, so
 * the order of an object's alert, notification and handler lines is compared too (the contacts of one notification
 * sorted by name: their order is a documented difference).
 */
record Observation(Map<String, List<String>> log, Map<String, List<String>> order,
                   Map<String, List<String>> notifications, Map<String, List<String>> handlers,
                   Map<String, List<String>> status, Map<String, List<String>> feeds) {

    /** The status.dat fields compared. */
    static final List<String> STATUS_FIELDS = List.of("current_state", "state_type", "current_attempt",
            "plugin_output", "long_plugin_output", "performance_data", "problem_has_been_acknowledged",
            "acknowledgement_type", "scheduled_downtime_depth", "is_flapping", "current_notification_number",
            "has_been_checked", "active_checks_enabled", "notifications_enabled", "process_performance_data", "obsess",
            "check_command", "check_period", "notification_period", "event_handler", "importance",
            "should_be_scheduled");

    /** The programstatus fields compared (key {@code program}). */
    static final List<String> PROGRAM_FIELDS = List.of("process_performance_data", "obsess_over_services",
            "obsess_over_hosts");

    /** The contactstatus fields compared (key {@code contact NAME}), times as {@code never} or {@code set}. */
    static final List<String> CONTACT_FIELDS = List.of("last_host_notification", "last_service_notification",
            "host_notifications_enabled", "service_notifications_enabled");

    /** The fields compared of each comment and downtime (ids and entry times differ by design, see compatibility.md). */
    static final List<String> COMMENT_FIELDS = List.of("entry_type", "source", "persistent", "expires", "author",
            "comment_data");
    static final List<String> DOWNTIME_FIELDS = List.of("start_time", "end_time", "fixed", "duration", "is_in_effect",
            "author", "comment");

    private static final List<String> HOST_TYPES = List.of("HOST ALERT", "HOST DOWNTIME ALERT",
            "HOST FLAPPING ALERT", "HOST EVENT HANDLER", "GLOBAL HOST EVENT HANDLER");
    private static final List<String> SERVICE_TYPES = List.of("SERVICE ALERT", "SERVICE DOWNTIME ALERT",
            "SERVICE FLAPPING ALERT", "SERVICE EVENT HANDLER", "GLOBAL SERVICE EVENT HANDLER");

    Map<String, Map<String, List<String>>> channels() {
        Map<String, Map<String, List<String>>> m = new LinkedHashMap<>();
        m.put("log", log);
        m.put("order", order);
        m.put("notifications", notifications);
        m.put("handlers", handlers);
        m.put("status", status);
        m.put("feeds", feeds);
        return m;
    }

    /** What the engine in {@code dir} did, each line of its files with the scenario's {@code masks} applied. */
    static Observation of(Path dir, List<Scenario.Mask> masks) throws IOException {
        EngineFiles files = new EngineFiles(dir, masks);
        List<String> log = files.read("var/nagios.log");
        return new Observation(log(log, true), log(log, false), recorded(files.read("var/notifications.log"), true),
                recorded(files.read("var/handlers.log"), false), status(files.read("status.final")), feeds(files));
    }

    /** A perfdata file line's time ({@code TIMET::1700000000} in PNP's template): when the check ran. */
    private static final Pattern TIMET = Pattern.compile("(TIMET::)\\d+");

    /**
     * What the results fed: the lines the perfdata, OCSP and OCHP commands wrote ({@code record feeds}, key
     * {@code host[;service]}), the lines of the perfdata files, those a processing command moved to
     * {@code var/spool/} and those still in the file (key {@code host[;service] file}, their TIMET made N), and
     * whether any file was moved (key {@code spool}). Each object's lines are compared as a set: how many checks
     * fall into a scenario depends on when each engine scheduled its first, so only which results were fed counts.
     */
    static Map<String, List<String>> feeds(EngineFiles files) throws IOException {
        Path dir = files.dir();
        Map<String, List<String>> out = new TreeMap<>(recorded(files.read("var/feeds.log"), false));
        List<String> fileLines = new ArrayList<>();
        Path spool = dir.resolve("var/spool");
        List<Path> spooled = List.of();
        if (Files.isDirectory(spool)) {
            try (var list = Files.list(spool)) {
                spooled = list.sorted().toList();
            }
            for (Path f : spooled) {
                fileLines.addAll(files.read(dir.relativize(f).toString()));
            }
        }
        fileLines.addAll(files.read("var/service-perfdata"));
        fileLines.addAll(files.read("var/host-perfdata"));
        for (String line : fileLines) {
            Map<String, String> f = new LinkedHashMap<>();
            for (String field : line.split("\t")) {
                int sep = field.indexOf("::");
                if (sep > 0) {
                    f.put(field.substring(0, sep), field.substring(sep + 2));
                }
            }
            String key = f.getOrDefault("HOSTNAME", "?") + (f.containsKey("SERVICEDESC") ? ";" + f.get("SERVICEDESC")
                    : "") + " file";
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(TIMET.matcher(line).replaceAll("$1N"));
        }
        if (!fileLines.isEmpty() || !spooled.isEmpty()) {
            out.put("spool", List.of("files moved by the processing command: " + (spooled.isEmpty() ? "none"
                    : "some")));
        }
        out.replaceAll((k, v) -> v.stream().distinct().sorted().toList());
        return out;
    }

    /** A timed-out check's measured run time, which varies from run to run (nagios4 alone: 2.01 to 3.11 s for 2 s). */
    private static final Pattern TIMED_OUT = Pattern.compile("(check timed out after )\\d+\\.\\d+( seconds)");

    /**
     * The files of an engine's directory, made comparable: that directory is written as {@code @DIR@} (plugin output
     * can name it, as a missing plugin's execvp error does, and each engine runs in a directory of its own), a
     * timed-out check's run time as {@code N.NN}, and the scenario's masks are applied.
     */
    record EngineFiles(Path dir, List<Scenario.Mask> masks) {

        List<String> read(String file) throws IOException {
            Path p = dir.resolve(file);
            if (!Files.exists(p)) {
                return List.of();
            }
            String own = dir.toString();
            return Files.readAllLines(p, StandardCharsets.UTF_8).stream().map(l -> masked(TIMED_OUT
                    .matcher(l.replace(own, "@DIR@")).replaceAll("$1N.NN$2"))).toList();
        }

        private String masked(String line) {
            for (Scenario.Mask m : masks) {
                line = m.apply(line);
            }
            return line;
        }
    }

    static Map<String, List<String>> log(List<String> lines, boolean byContact) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String raw : lines) {
            String line = raw.replaceFirst("^\\[\\d+\\] ", "");
            int colon = line.indexOf(": ");
            if (colon < 0) {
                continue;
            }
            String type = line.substring(0, colon);
            String[] f = line.substring(colon + 2).split(";", -1);
            String key;
            if (HOST_TYPES.contains(type)) {
                key = f[0];
            } else if (SERVICE_TYPES.contains(type) && f.length > 1) {
                key = f[0] + ";" + f[1];
            } else if (type.equals("HOST NOTIFICATION") && f.length > 1) {
                key = f[1] + (byContact ? " to " + f[0] : "");
            } else if (type.equals("SERVICE NOTIFICATION") && f.length > 2) {
                key = f[1] + ";" + f[2] + (byContact ? " to " + f[0] : "");
            } else {
                continue;
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
        if (!byContact) {
            out.values().forEach(Observation::sortContactsOfEachNotification);
        }
        return out;
    }

    /** Sorts each run of adjacent notification lines that differ only in their contact. */
    private static void sortContactsOfEachNotification(List<String> lines) {
        int i = 0;
        while (i < lines.size()) {
            int j = i + 1;
            while (j < lines.size() && isNotification(lines.get(i)) && withoutContact(lines.get(j))
                    .equals(withoutContact(lines.get(i)))) {
                j++;
            }
            lines.subList(i, j).sort(null);
            i = j;
        }
    }

    private static boolean isNotification(String line) {
        return line.startsWith("HOST NOTIFICATION: ") || line.startsWith("SERVICE NOTIFICATION: ");
    }

    private static String withoutContact(String line) {
        return isNotification(line) ? line.replaceFirst(": [^;]*;", ": ;") : line;
    }

    /**
     * {@code object|timet|fields} lines; fields are separated by |, a notification's first field is the contact,
     * which joins the key. Each object's lines are compared as a multiset (sorted): the commands of one moment (a
     * global and an object's event handler, a FLAPPINGSTOP and the PROBLEM after it) run at once and reach the file
     * in either order, and a soft and a hard change can fall in one second on one engine and two on the other; the
     * order the engine decided them in is compared in the log and order channels.
     */
    static Map<String, List<String>> recorded(List<String> lines, boolean byContact) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String line : lines) {
            String[] f = line.split("\\|", 3);
            String fields = f.length > 2 ? f[2] : "";
            String key = byContact ? f[0] + " to " + fields.split("\\|", 2)[0] : f[0];
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(fields);
        }
        out.replaceAll((k, v) -> v.stream().sorted().toList());
        return out;
    }

    static Map<String, List<String>> status(List<String> lines) {
        Map<String, List<String>> out = new TreeMap<>();
        String block = null;
        Map<String, String> fields = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.endsWith("{")) {
                block = line.substring(0, line.length() - 1).strip();
                fields.clear();
            } else if (line.equals("}")) {
                String key = fields.get("host_name")
                        + (block != null && block.startsWith("service") ? ";" + fields.get("service_description") : "");
                if ("programstatus".equals(block)) {
                    List<String> values = new ArrayList<>();
                    for (String f : PROGRAM_FIELDS) {
                        values.add(f + "=" + fields.getOrDefault(f, "(absent)"));
                    }
                    out.put("program", values);
                } else if ("hoststatus".equals(block) || "servicestatus".equals(block)) {
                    List<String> values = new ArrayList<>();
                    for (String f : STATUS_FIELDS) {
                        values.add(f + "=" + fields.getOrDefault(f, "(absent)"));
                    }
                    out.put(key, values);
                } else if ("contactstatus".equals(block)) {
                    // the times differ between two runs; whether each contact was ever notified does not
                    List<String> values = new ArrayList<>();
                    for (String f : CONTACT_FIELDS) {
                        String v = fields.getOrDefault(f, "(absent)");
                        values.add(f + "=" + (v.equals("0") ? "never" : v.matches("[1-9][0-9]*") ? "set" : v));
                    }
                    out.put("contact " + fields.get("contact_name"), values);
                } else if (block != null && (block.endsWith("comment") || block.endsWith("downtime"))) {
                    boolean comment = block.endsWith("comment");
                    StringBuilder entry = new StringBuilder();
                    for (String f : comment ? COMMENT_FIELDS : DOWNTIME_FIELDS) {
                        entry.append(entry.length() == 0 ? "" : " | ").append(f).append('=')
                                .append(fields.getOrDefault(f, "(absent)"));
                    }
                    out.computeIfAbsent(key + (comment ? " comments" : " downtimes"), k -> new ArrayList<>())
                            .add(entry.toString());
                }
                block = null;
            } else if (block != null) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    fields.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        // the order of entries in status.dat follows their ids, which differ by design: compare them as sets
        out.replaceAll((k, v) -> k.endsWith(" comments") || k.endsWith(" downtimes") ? v.stream().sorted().toList() : v);
        return out;
    }

    /** How many lines and fields this observation holds. */
    int size() {
        return channels().values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).sum();
    }
}
