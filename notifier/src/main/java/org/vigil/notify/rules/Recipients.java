package org.vigil.notify.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.config.model.Contact;
import org.vigil.config.model.ContactGroup;
import org.vigil.config.model.Escalation;
import org.vigil.config.model.ObjectModel;

/**
 * Nagios's {@code create_notification_list_from_*}: the contacts of the valid escalations when the notification is
 * escalated, else the object's own {@code contacts} and {@code contact_groups} (both on broadcast); each contact
 * once, and only those its own rules let through.
 */
final class Recipients {

    /** Who is notified, and whether the escalations chose them ({@code $NOTIFICATIONISESCALATED$}). */
    record Chosen(List<Contact> contacts, boolean escalated) {
    }

    private final ObjectModel model;
    private final Escalations escalations;
    private final ContactViability contacts;

    Recipients(ObjectModel model, Escalations escalations, ContactViability contacts) {
        this.model = model;
        this.escalations = escalations;
        this.contacts = contacts;
    }

    Chosen of(Subject s, Reason reason, NotificationOptions options, Instant now) {
        boolean escalated = escalations.escalated(s, now);
        Set<String> names = new LinkedHashSet<>();
        if (escalated || options.broadcast()) {
            for (Escalation e : s.escalations()) {
                if (escalations.valid(s, e, options, now)) {
                    addAll(names, e.contacts(), e.contactGroups());
                }
            }
        }
        if (!escalated || options.broadcast()) {
            addAll(names, s.settings().contacts(), s.settings().contactGroups());
        }
        List<Contact> out = new ArrayList<>();
        for (String name : names) {
            Contact c = model.contacts().get(name);
            if (c != null && contacts.check(c, s, reason, options, now).isEmpty()) {
                out.add(c);
            }
        }
        return new Chosen(out, escalated);
    }

    private void addAll(Set<String> names, List<String> contactNames, List<String> groups) {
        names.addAll(contactNames);
        for (String g : groups) {
            ContactGroup group = model.contactGroups().get(g);
            if (group != null) {
                names.addAll(group.members());
            }
        }
    }
}
