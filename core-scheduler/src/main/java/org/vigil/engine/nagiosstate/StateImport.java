package org.vigil.engine.nagiosstate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.engine.retention.Entry;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.ObjectRecord;

/**
 * Turns Nagios's state blocks into Vigil's retained records and entries, keeping what Nagios itself would take back
 * at a restart ({@code xrddefault_read_state_information}): states, outputs, times, notification numbers,
 * acknowledgements and flapping history always; a per-object or program-wide switch only when its
 * {@code modified_attributes} bit says a command changed it (else the config's value stands, as in Nagios).
 *
 * <p>Ids: Nagios numbers comments and downtimes apart, Vigil's entries share one sequence. Downtimes keep their ids
 * (so {@code triggered_by} and scripts holding an id still hold), comments keep theirs unless a downtime has it; a
 * comment given a new id is named in the report and its downtime's {@code comment_id} follows it.
 */
public final class StateImport {

    /** What an import puts into the store, the first entry id free after it, the report, and which file it read. */
    public record Result(List<ObjectRecord> records, List<Entry> entries, long nextEntryId, ImportReport report,
                         StateFile.Kind kind) {
    }

    private final VigilObjects vigil;
    private final Set<ObjectKey> existing;
    private final ImportReport report = new ImportReport();
    private final List<ObjectRecord> records = new ArrayList<>();
    private final List<StateFile.Block> comments = new ArrayList<>();
    private final List<StateFile.Block> downtimes = new ArrayList<>();
    private long nextFromNagios = 1;

    private StateImport(VigilObjects vigil) {
        this.vigil = vigil;
        this.existing = vigil.keys();
    }

    /** Imports {@code file}, already read, for the hosts, services and contacts of Vigil's config. */
    public static Result of(StateFile file, VigilObjects vigil) {
        StateImport in = new StateImport(vigil);
        file.blocks().forEach(in::block);
        return in.finish(file.path(), file.kind());
    }

    /** Imports the file at {@code path}, read a block at a time. */
    public static Result of(Path path, VigilObjects vigil) throws StateFile.Unreadable {
        StateImport in = new StateImport(vigil);
        StateFile.Kind kind = StateFile.read(path, in::block);
        return in.finish(path, kind);
    }

    private static String unstatus(String type) {
        return type.endsWith("status") ? type.substring(0, type.length() - "status".length()) : type;
    }

    /** One block of either file: status.dat's {@code hoststatus} is retention.dat's {@code host}, and so on. */
    private void block(StateFile.Block b) {
        switch (unstatus(b.type())) {
            case "host" -> object(b, ObjectKey.host(b.get("host_name")), "hosts");
            case "service" -> {
                if (b.get("service_description").isEmpty()) {
                    report.skipped("a service block without service_description (line " + b.line() + ")");
                } else {
                    object(b, ObjectKey.service(b.get("host_name"), b.get("service_description")), "services");
                }
            }
            case "contact" -> contact(b);
            case "program" -> program(b);
            case "hostcomment", "servicecomment" -> comments.add(b);
            case "hostdowntime", "servicedowntime" -> downtimes.add(b);
            case "info" -> { }
            default -> report.skipped("a '" + b.type() + "' block (line " + b.line() + "): not a block Vigil knows");
        }
    }

    private void object(StateFile.Block b, ObjectKey key, String counted) {
        if (!existing.contains(key)) {
            report.skipped(key + ": not in Vigil's config");
            return;
        }
        long modified = number(b.get("modified_attributes"));
        Map<String, String> attributes = new HashMap<>();
        b.fields().forEach((field, value) -> {
            if (Fields.STATUS.contains(field)) {
                attributes.put(field, field.equals("long_plugin_output") ? unescape(value) : value);
            } else if (Fields.SWITCHES.containsKey(field)) {
                if ((modified & Fields.SWITCHES.get(field)) != 0) {
                    attributes.put(field, value);
                }
            } else {
                ignore(field);
            }
        });
        VigilObjects.Settings settings = vigil.settings().get(key);
        if (!attributes.containsKey("no_more_notifications")) { // status.dat has both, retention.dat neither
            renotify(settings, attributes);
        }
        if (!"0".equals(attributes.getOrDefault("current_state", "0")) && "1".equals(attributes.get("state_type"))) {
            // as Nagios at read: a hard problem is at max_check_attempts, which the config may have changed
            attributes.put("current_attempt", Integer.toString(settings.maxAttempts()));
        }
        records.add(new ObjectRecord(key, 1, attributes));
        report.took(counted);
        if ("1".equals(attributes.get("problem_has_been_acknowledged"))) {
            report.took("acknowledgements");
        }
    }

    /**
     * As Nagios after reading retention.dat ({@code get_next_*_notification_time}): a notified problem is notified
     * again a notification_interval after the last notification, or never with an interval of 0 (unless volatile).
     * Without these a restart took a notified problem for one never notified. Escalations' own intervals are not
     * counted: the next notification then waits for the object's interval.
     */
    private static void renotify(VigilObjects.Settings r, Map<String, String> attributes) {
        long last = number(attributes.get("last_notification"));
        if (last == 0 || "0".equals(attributes.getOrDefault("current_state", "0"))) {
            return;
        }
        attributes.put("next_notification", Long.toString(last + r.renotifySeconds()));
        attributes.put("no_more_notifications", r.renotifySeconds() == 0 && !r.isVolatile() ? "1" : "0");
    }

    private void contact(StateFile.Block b) {
        ObjectKey key = ObjectKey.contact(b.get("contact_name"));
        if (!existing.contains(key)) {
            report.skipped(key + ": not in Vigil's config");
            return;
        }
        Map<String, String> attributes = new HashMap<>();
        b.fields().forEach((field, value) -> {
            if (Fields.CONTACT.contains(field)) {
                attributes.put(field, value);
            } else {
                ignore(field);
            }
        });
        records.add(new ObjectRecord(key, 1, attributes));
        report.took("contacts");
    }

    private void program(StateFile.Block b) {
        long hostBits = number(b.get("modified_host_attributes"));
        long serviceBits = number(b.get("modified_service_attributes"));
        Map<String, String> attributes = new HashMap<>();
        b.fields().forEach((field, value) -> {
            if (Fields.PROGRAM.contains(field)) {
                attributes.put(field, value);
            } else if (Fields.HOST_PROGRAM_SWITCHES.containsKey(field)) {
                if ((hostBits & Fields.HOST_PROGRAM_SWITCHES.get(field)) != 0) {
                    attributes.put(field, value);
                }
            } else if (Fields.SERVICE_PROGRAM_SWITCHES.containsKey(field)) {
                if ((serviceBits & Fields.SERVICE_PROGRAM_SWITCHES.get(field)) != 0) {
                    attributes.put(field, value);
                }
            } else {
                ignore(field);
            }
        });
        nextFromNagios = Math.max(nextFromNagios, Math.max(number(b.get("next_comment_id")),
                number(b.get("next_downtime_id"))));
        records.add(new ObjectRecord(ObjectKey.program(), 1, attributes));
        report.took("program");
    }

    private void ignore(String field) {
        String why = Fields.whyNot(field);
        if (why != null) {
            report.ignored(field, why);
        }
    }

    private Result finish(Path path, StateFile.Kind kind) {
        if (kind == StateFile.Kind.STATUS) {
            report.note(path + " is a status.dat: it has no flapping history (state_history), so flap detection"
                    + " starts afresh; a retention.dat, when there is one, carries it");
        }
        Set<Long> downtimeIds = new HashSet<>();
        downtimes.forEach(d -> downtimeIds.add(number(d.get("downtime_id"))));
        long next = nextFromNagios;
        for (StateFile.Block b : comments) {
            next = Math.max(next, number(b.get("comment_id")) + 1);
        }
        for (long id : downtimeIds) {
            next = Math.max(next, id + 1);
        }
        Map<Long, Long> commentIds = new HashMap<>();
        Set<Long> used = new HashSet<>(downtimeIds);
        List<Entry> entries = new ArrayList<>();
        for (StateFile.Block b : comments) {
            long id = number(b.get("comment_id"));
            if (id <= 0 || !used.add(id)) {
                long given = next++;
                report.note("comment " + id + " of " + target(b) + " is comment " + given
                        + " in Vigil (Vigil numbers comments and downtimes in one sequence)");
                commentIds.put(id, given);
                used.add(given);
                id = given;
            } else {
                commentIds.put(id, id);
            }
            EntryBlocks.comment(b, id, existing, report).ifPresent(entries::add);
        }
        for (StateFile.Block b : downtimes) {
            EntryBlocks.downtime(b, commentIds, existing, report).ifPresent(entries::add);
        }
        return new Result(List.copyOf(records), List.copyOf(entries), next, report, kind);
    }

    /** The object a comment or downtime block is attached to; null for a service block without a description. */
    static ObjectKey target(StateFile.Block b) {
        if (!b.type().startsWith("service")) {
            return ObjectKey.host(b.get("host_name"));
        }
        return b.get("service_description").isEmpty() ? null
                : ObjectKey.service(b.get("host_name"), b.get("service_description"));
    }

    static long number(String s) {
        try {
            return s == null || s.isEmpty() ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Nagios keeps long output with {@code \n} for its newlines (and {@code \\} for a backslash); Vigil with both. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == '\\')) {
                out.append(s.charAt(++i) == 'n' ? '\n' : '\\');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
