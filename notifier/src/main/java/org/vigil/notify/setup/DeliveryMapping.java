package org.vigil.notify.setup;

import java.time.Duration;
import java.util.Map;
import org.vigil.notify.delivery.Contact;
import org.vigil.notify.delivery.Notification;
import org.vigil.notify.delivery.NotificationType;

/** The rules' decided notification, as the delivery side stores and renders it (values from its macro snapshot). */
final class DeliveryMapping {

    private DeliveryMapping() {
    }

    static Notification of(org.vigil.notify.rules.Notification n) {
        Map<String, String> m = n.macros();
        String kind = n.isHost() ? "HOST" : "SERVICE";
        org.vigil.config.model.Contact c = n.contact();
        // the templates show ackAuthor as "Acknowledged by"; a downtime's or custom author stays in the macros
        boolean ack = "ACKNOWLEDGEMENT".equals(n.type());
        return new Notification(NotificationType.valueOf(n.type()),
                new Contact(c.name(), c.email(), c.pager(),
                        c.addresses().stream().filter(java.util.Objects::nonNull).toList()), n.hostName(),
                n.isHost() ? null : n.service().description(), n.state(), m.get(kind + "STATETYPE"), n.output(),
                // the macro is escaped as Nagios escapes $LONGSERVICEOUTPUT$; a mail shows the real lines
                m.getOrDefault("LONG" + kind + "OUTPUT", "").replace("\\n", "\n"),
                number(m.get(kind + "ATTEMPT")), Duration.ofSeconds(number(m.get(kind + "DURATIONSEC"))), n.number(),
                ack ? n.author() : "", ack ? n.comment() : "", n.time(), m);
    }

    private static int number(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
