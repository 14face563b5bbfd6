package org.vigil.web.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.vigil.notify.delivery.email.ActionToken;
import org.vigil.notify.delivery.email.ActionTokens;
import org.vigil.notify.outbox.Outbox;
import org.vigil.web.auth.WebUser;

/**
 * Whether an email action link may be carried out, as its confirmation page and its POST both decide it: the
 * token's signature and expiry, the object still existing and still in the problem the link was sent for, the
 * link not used before, and a logged-in user bound to a contact being that link's contact. Pure: the caller
 * gives what it read (token, object, earlier use, user); nothing here changes state.
 */
final class EmailActionRules {

    private EmailActionRules() {
    }

    /** The object as it stands now: its state, output and current problem id (0 when not in a problem). */
    record Target(String state, String output, long problemId, boolean acknowledged) {
    }

    /** Allowed (refusal null), or why not, with the page's HTTP status. */
    record Verdict(int status, String refusal) {
        static final Verdict OK = new Verdict(200, null);

        boolean allowed() {
            return refusal == null;
        }
    }

    /**
     * The verdict for a link whose token checked as {@code checked}; {@code target} is empty when the object no
     * longer exists, {@code user} null when nobody is logged in.
     */
    static Verdict decide(ActionTokens.Checked checked, Optional<Target> target, Optional<Outbox.TokenUse> used,
                          WebUser user, ZoneId zone) {
        switch (checked.status()) {
            case MALFORMED -> {
                return new Verdict(400, "This is not a whole Vigil action link (it may have been cut or changed on"
                        + " its way); nothing was done. Open the link from the mail again, or act from the status"
                        + " page.");
            }
            case BAD_SIGNATURE -> {
                return new Verdict(403, "This link's signature is not valid (the link was changed, or signed with"
                        + " another secret); nothing was done.");
            }
            case EXPIRED -> {
                return new Verdict(410, "This link expired at " + time(checked.token().expires(), zone)
                        + "; nothing was done. Act from the status page.");
            }
            default -> {
                // valid: the rules below
            }
        }
        ActionToken t = checked.token();
        if (used.isPresent()) {
            return used(used.get(), zone);
        }
        if (user != null && user.contact() != null && !user.contact().equals(t.contact())) {
            return new Verdict(403, "You are logged in as '" + user.name() + "', contact '" + user.contact()
                    + "'; this link was sent to contact '" + t.contact() + "', so it is not yours to use. Nothing was"
                    + " done.");
        }
        if (target.isEmpty()) {
            return new Verdict(404, (t.isHost() ? "Host '" + t.host() + "'" : "Service '" + t.service() + "' on host '"
                    + t.host() + "'") + " no longer exists; nothing was done.");
        }
        if (target.get().problemId() != t.problemId()) {
            return new Verdict(410, "This problem has ended (" + t.subject() + " is " + target.get().state()
                    + (target.get().problemId() > 0 ? ", in a later problem" : "") + "); nothing was done. A new"
                    + " problem sends a new mail with its own links.");
        }
        return Verdict.OK;
    }

    /** The refusal of a link used before. */
    static Verdict used(Outbox.TokenUse use, ZoneId zone) {
        return new Verdict(409, "This link was already used, by " + use.by() + " at " + time(use.at(), zone)
                + "; nothing more was done.");
    }

    static String time(Instant t, ZoneId zone) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", java.util.Locale.ROOT)
                .format(t.atZone(zone));
    }
}
