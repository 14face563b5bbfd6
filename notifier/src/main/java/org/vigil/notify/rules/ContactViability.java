package org.vigil.notify.rules;

import java.time.Instant;
import java.util.Optional;
import org.vigil.config.model.Contact;
import org.vigil.config.model.Contact.ContactNotifications;

/**
 * The contact-level rules of Nagios 4.4.6's {@code check_contact_service_notification_viability} and
 * {@code check_contact_host_notification_viability}: the contact's own switch, importance, period and options.
 */
final class ContactViability {

    private final Periods periods;

    ContactViability(Periods periods) {
        this.periods = periods;
    }

    Optional<Suppression> check(Contact contact, Subject s, Reason reason, NotificationOptions options, Instant now) {
        if (options.forced()) {
            return Optional.empty();
        }
        ContactNotifications c = s.isHost() ? contact.host() : contact.service();
        // Nagios tests the switch and the importance in the opposite order for hosts; the answer is the same
        if (contact.minimumImportance() > s.importance() || !c.enabled()) {
            return Optional.of(Suppression.DISABLED_OBJECT);
        }
        if (!periods.inside(c.period(), now)) {
            return Optional.of(Suppression.TIMEPERIOD);
        }
        if (reason == Reason.CUSTOM) {
            return Optional.empty();
        }
        if (reason.isFlapping()) {
            return c.options().has('f') ? Optional.empty() : Optional.of(Suppression.NO_FLAPPING_OPTION);
        }
        if (reason.isDowntime()) {
            return c.options().has('s') ? Optional.empty() : Optional.of(Suppression.NO_DOWNTIME_OPTION);
        }
        // acknowledgements and normal notifications
        if (!c.options().has(s.stateLetter())) {
            return Optional.of(Suppression.STATE_DISABLED);
        }
        if (s.isOk()) {
            // a service recovery goes to contacts who take one of the notified states; a host's to anyone
            boolean notified = s.isHost() ? !s.notifiedOn().isEmpty()
                    : (s.notifiedOn().mask() & c.options().mask()) != 0;
            if (!notified) {
                return Optional.of(Suppression.RECOVERY_OF_UNNOTIFIED_PROBLEM);
            }
        }
        return Optional.empty();
    }
}
