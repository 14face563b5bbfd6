package org.vigil.notify.delivery.email;

import java.util.Map;
import org.vigil.notify.delivery.Notification;
import org.vigil.notify.delivery.NotificationType;

/**
 * The acknowledge and downtime links of a PROBLEM mail: {@code <status_page>/email-action?t=<token>}, one token per
 * action, bound to the object, its problem id, the contact, and valid {@link EmailActions#validFor} from the
 * notification's time (a mail sent again after a crash carries links that end at the same moment).
 */
final class ActionLinks {

    /** The path of the confirmation page, below the status page's address. */
    static final String PATH = "email-action";

    private ActionLinks() {
    }

    /**
     * {@code ackLink}, {@code downtimeLink} and {@code downtimeHours} for the templates: the links are "" unless
     * the links are enabled and {@code n} is a PROBLEM with a problem id.
     */
    static Map<String, Object> of(Notification n, EmailSettings settings) {
        EmailActions a = settings.actions();
        long problemId = problemId(n);
        if (!a.enabled() || n.type() != NotificationType.PROBLEM || problemId <= 0) {
            return Map.of("ackLink", "", "downtimeLink", "", "downtimeHours", a.downtime().toHours());
        }
        ActionTokens tokens = a.tokens();
        String base = settings.statusPageUrl().endsWith("/") ? settings.statusPageUrl()
                : settings.statusPageUrl() + "/";
        java.time.Instant expires = n.time().plus(a.validFor());
        String ack = tokens.sign(new ActionToken(ActionTokens.newId(), ActionToken.Action.ACKNOWLEDGE, n.host(),
                n.service(), problemId, n.contact().name(), expires));
        String down = tokens.sign(new ActionToken(ActionTokens.newId(), ActionToken.Action.DOWNTIME, n.host(),
                n.service(), problemId, n.contact().name(), expires));
        return Map.of("ackLink", base + PATH + "?t=" + ack, "downtimeLink", base + PATH + "?t=" + down,
                "downtimeHours", a.downtime().toHours());
    }

    /** {@code $SERVICEPROBLEMID$} or {@code $HOSTPROBLEMID$} as the rules copied it; 0 when absent. */
    static long problemId(Notification n) {
        String v = n.macros().get(n.isHost() ? "HOSTPROBLEMID" : "SERVICEPROBLEMID");
        try {
            return v == null ? 0 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
