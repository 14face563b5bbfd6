package org.vigil.notify.setup;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.config.model.Contact;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.notify.rules.Notification;
import org.vigil.notify.rules.Reason;

/**
 * A decided notification as the engine's {@link org.vigil.engine.NotificationJournal} keeps it: plain fields, so
 * that after a crash it is sent exactly as it was decided (same macros, time and number; the outbox's key is the
 * same, so a second enqueue is a no-op). The contact is looked up again by name in the config running then.
 */
final class JournalRecord {

    private static final String MACRO = "macro.";
    /** Separates list items; a command or contact name holds no newline. */
    private static final String LIST = "\n";

    private JournalRecord() {
    }

    static ObjectKey object(Notification n) {
        return n.isHost() ? ObjectKey.host(n.hostName()) : ObjectKey.service(n.hostName(), n.service().description());
    }

    static Map<String, String> fields(Notification n) {
        Map<String, String> f = new HashMap<>();
        n.macros().forEach((k, v) -> f.put(MACRO + k, v == null ? "" : v));
        f.put("reason", n.reason().name());
        f.put("type", n.type());
        f.put("host", n.hostName());
        f.put("service", n.isHost() ? "" : n.service().description());
        f.put("is_host", n.isHost() ? "1" : "0");
        f.put("contact", n.contact().name());
        f.put("commands", String.join(LIST, n.commands()));
        f.put("number", Integer.toString(n.number()));
        f.put("state", n.state());
        f.put("output", nullToEmpty(n.output()));
        f.put("author", nullToEmpty(n.author()));
        f.put("comment", nullToEmpty(n.comment()));
        f.put("has_author", n.author() == null ? "0" : "1");
        f.put("has_comment", n.comment() == null ? "0" : "1");
        f.put("escalated", n.escalated() ? "1" : "0");
        f.put("time", Long.toString(n.time().toEpochMilli()));
        f.put("recipients", String.join(LIST, n.recipients()));
        return f;
    }

    /** The notification again, or empty (with why) when its contact is gone from the config or a field is bad. */
    static Result read(Map<String, String> f, ObjectModel model) {
        try {
            Contact contact = model.contacts().get(f.get("contact"));
            if (contact == null) {
                return new Result(Optional.empty(), "contact '" + f.get("contact") + "' is no longer defined");
            }
            Map<String, String> macros = new HashMap<>();
            f.forEach((k, v) -> {
                if (k.startsWith(MACRO)) {
                    macros.put(k.substring(MACRO.length()), v);
                }
            });
            String host = f.get("host");
            ServiceKey service = "1".equals(f.get("is_host")) ? null : new ServiceKey(host, f.get("service"));
            return new Result(Optional.of(new Notification(Reason.valueOf(f.get("reason")), f.get("type"), host,
                    service, contact, list(f.get("commands")), Integer.parseInt(f.get("number")), f.get("state"),
                    f.get("output"), "1".equals(f.get("has_author")) ? f.get("author") : null,
                    "1".equals(f.get("has_comment")) ? f.get("comment") : null, "1".equals(f.get("escalated")),
                    Instant.ofEpochMilli(Long.parseLong(f.get("time"))), list(f.get("recipients")), macros)), "");
        } catch (RuntimeException e) { // a field missing or damaged: say so, never stop the start
            return new Result(Optional.empty(), "its record is damaged (" + e.getMessage() + ")");
        }
    }

    record Result(Optional<Notification> notification, String problem) {
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST, -1));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
