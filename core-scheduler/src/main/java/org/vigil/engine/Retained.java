package org.vigil.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.flap.FlapDetection;
import org.vigil.engine.retention.ObjectKey;
import org.vigil.engine.retention.ObjectRecord;
import org.vigil.engine.retention.WriteBehindRetention;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.Checkables;
import org.vigil.engine.state.EventIds;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;

/**
 * Retention glue: the one place where a change to an object's status is reported ({@link #statusChanged}), and the
 * records retention keeps of objects and of the program, as it restores and writes them. Engine thread only.
 */
final class Retained {

    private final Checkables objects;
    private final FlapDetection flapping;
    private final ProgramSwitches switches;
    private final EventIds ids;
    private final ContactNotifications contacts;
    private WriteBehindRetention retention;
    private long version;
    /**
     * The event ids of the program record last handed to retention: a status change hands it again only when they
     * moved (a result that changes no state moves none), not a record built and encoded for each of 500 results a
     * second.
     */
    private long savedEventId = -1;
    private long savedProblemId = -1;
    private long savedNotificationId = -1;

    Retained(Checkables objects, FlapDetection flapping, ProgramSwitches switches, EventIds ids) {
        this.objects = objects;
        this.contacts = new ContactNotifications(this::contactChanged);
        this.flapping = flapping;
        this.switches = switches;
        this.ids = ids;
    }

    /** From now on every change goes to {@code writer}. */
    void attach(WriteBehindRetention writer) {
        this.retention = writer;
    }

    /**
     * {@code target}'s status changed (a result, a command, the schedule, the notifier): hand it, and the program's
     * record with the event ids it moved, to retention.
     */
    void statusChanged(CheckTarget target) {
        if (retention == null) {
            return;
        }
        CheckableStatus<?> st = objects.status(target);
        Map<String, String> attributes = RetainedStatus.attributes(st);
        attributes.putAll(flapping.attributes(target, st));
        retention.save(new ObjectRecord(key(target), ++version, attributes));
        if (ids.nextEventId() != savedEventId || ids.nextProblemId() != savedProblemId
                || ids.nextNotificationId() != savedNotificationId) {
            programChanged();
        }
    }

    /** When each contact was last notified, whose changes come here. */
    ContactNotifications contacts() {
        return contacts;
    }

    /** {@code contact}'s notification times changed: hand its record to retention. */
    void contactChanged(String contact) {
        if (retention != null) {
            retention.save(contactRecord(contact));
        }
    }

    /** {@code contact}'s notification times as retention keeps them. */
    ObjectRecord contactRecord(String contact) {
        return new ObjectRecord(ObjectKey.contact(contact), ++version, contacts.attributes(contact));
    }

    /** The records of every contact ever notified, for a reload's snapshot. */
    java.util.List<ObjectRecord> contactRecords() {
        java.util.List<ObjectRecord> out = new java.util.ArrayList<>();
        contacts.notifiedContacts().forEach(c -> out.add(contactRecord(c)));
        return out;
    }

    /** The program-wide state changed: hand its record to retention. */
    void programChanged() {
        if (retention == null) {
            return;
        }
        retention.save(programRecord());
        savedEventId = ids.nextEventId();
        savedProblemId = ids.nextProblemId();
        savedNotificationId = ids.nextNotificationId();
    }

    /** The program-wide state as retention keeps it. */
    ObjectRecord programRecord() {
        Map<String, String> program = new HashMap<>(switches.retained());
        program.put("next_event_id", Long.toString(ids.nextEventId()));
        program.put("next_problem_id", Long.toString(ids.nextProblemId()));
        program.put("next_notification_id", Long.toString(ids.nextNotificationId()));
        return new ObjectRecord(ObjectKey.program(), ++version, program);
    }

    /** {@code t}'s record as a reload carries it: retention's attributes plus {@code extra}. */
    ObjectRecord record(CheckTarget t, Map<String, String> extra) {
        Map<String, String> attributes = new HashMap<>(RetainedStatus.attributes(objects.status(t)));
        attributes.putAll(extra);
        return new ObjectRecord(key(t), ++version, attributes);
    }

    /** Restores one retained record onto its object (if the config still has it) or onto the program. */
    void restore(ObjectRecord r) {
        ObjectKey k = r.key();
        switch (k.kind()) {
            case HOST -> {
                HostStatus h = objects.host(k.name());
                if (h != null) {
                    RetainedStatus.restoreHost(h, r.attributes());
                    flapping.restore(objects.hostTarget(k.name()).orElseThrow(), h, r.attributes());
                }
            }
            case SERVICE -> {
                ServiceStatus s = objects.service(new ServiceKey(k.name(), k.service()));
                if (s != null) {
                    RetainedStatus.restoreService(s, r.attributes());
                    flapping.restore(objects.serviceTarget(s.key()).orElseThrow(), s, r.attributes());
                }
            }
            case PROGRAM -> {
                ids.restore(number(r.attributes().get("next_event_id")),
                        number(r.attributes().get("next_problem_id")),
                        number(r.attributes().get("next_notification_id")));
                switches.restore(r.attributes());
            }
            case CONTACT -> contacts.restore(k.name(), r.attributes());
            default -> {
            }
        }
        version = Math.max(version, r.version());
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The retention key of {@code t}. */
    static ObjectKey key(CheckTarget t) {
        return t.isHost() ? ObjectKey.host(t.hostName()) : ObjectKey.service(t.hostName(), t.service().description());
    }

    /** The retention keys of every object of the config, for retention to drop the others. */
    Set<ObjectKey> keys(ObjectModel model) {
        Set<ObjectKey> keys = new HashSet<>();
        objects.hosts().forEach(h -> keys.add(ObjectKey.host(h.name())));
        objects.services().forEach(s -> keys.add(ObjectKey.service(s.hostName(), s.key().description())));
        model.contacts().keySet().forEach(c -> keys.add(ObjectKey.contact(c)));
        return keys;
    }

    /** The check target a retention key names, if the config has it. */
    Optional<CheckTarget> target(ObjectKey k) {
        return switch (k.kind()) {
            case HOST -> objects.hostTarget(k.name());
            case SERVICE -> objects.serviceTarget(new ServiceKey(k.name(), k.service()));
            default -> Optional.empty();
        };
    }
}
