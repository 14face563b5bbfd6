package org.vigil.notify.rules;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.vigil.config.model.Contact;
import org.vigil.config.model.ObjectModel;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.ServiceStatus;

/**
 * Nagios 4.4.6's {@code service_notification}/{@code host_notification}: tests the object's rules, counts the
 * notification, picks the contacts (escalated or not), logs one line per contact and command, hands each contact's
 * notification to the sink, and updates {@code current_notification_number}, {@code last_notification},
 * {@code next_notification} and {@code no_more_notifications}. Engine thread only.
 */
public final class Notifier {

    /** What one attempt did: the notifications sent, or why none was. */
    public record Outcome(List<Notification> sent, Optional<Suppression> suppressed) {

        static Outcome suppressed(Suppression why) {
            return new Outcome(List.of(), Optional.of(why));
        }
    }

    private final Viability viability;
    private final Escalations escalations;
    private final Recipients recipients;
    private final NotificationSink sink;
    private final Consumer<String> log;
    private final NotifierSettings settings;
    /** Hands out {@code current_notification_id}s: the engine's counter once wired, a counter of its own until then. */
    private LongSupplier notificationIds = new java.util.concurrent.atomic.AtomicLong(1)::getAndIncrement;

    public Notifier(ObjectModel model, Periods periods, BooleanSupplier globallyEnabled, NotificationBlockers blockers,
                    NotifierSettings settings, NotificationSink sink, Consumer<String> log) {
        this.viability = new Viability(globallyEnabled, periods, blockers, settings.intervalLength(),
                settings.programStart());
        this.escalations = new Escalations(periods, settings.intervalLength());
        this.recipients = new Recipients(model, escalations, new ContactViability(periods));
        this.sink = sink;
        this.log = log;
        this.settings = settings;
    }

    /** Hears each contact a notification goes to, as Nagios sets a contact's {@code last_*_notification}. */
    @FunctionalInterface
    public interface ContactNotified {
        void notified(String contact, boolean host, Instant at);
    }

    private ContactNotified contactNotified = (contact, host, at) -> { };

    /** From now on {@code c} hears each contact notified (the engine's per-contact times). */
    public void onContactNotified(ContactNotified c) {
        this.contactNotified = c;
    }

    /** Takes notification ids from {@code ids} (the engine's retained {@code next_notification_id}) from now on. */
    public void useNotificationIds(LongSupplier ids) {
        this.notificationIds = ids;
    }

    /** What a notification is about, and whether it is decided at a result or between results. */
    private record Cause(Reason reason, String author, String comment, NotificationOptions options,
                         boolean betweenResults) {
    }

    /** A problem or recovery, as the engine asks after a result. */
    public Outcome normal(Subject s, Instant now) {
        return notify(s, new Cause(Reason.NORMAL, null, null, NotificationOptions.NONE, false), now);
    }

    /**
     * A problem notification that came due between results (Vigil's re-notification pass; Nagios waits for the next
     * result): its macros are those Nagios shows at a next result in the same state, so its last state is the
     * current one.
     */
    public Outcome dueBetweenResults(Subject s, Instant now) {
        return notify(s, new Cause(Reason.NORMAL, null, null, NotificationOptions.NONE, true), now);
    }

    /**
     * Whether the re-notification pass should try {@code s} at {@code now}: its next notification is due, and it has
     * an interval. A volatile service is exempt from the interval only for its results (Nagios notifies it on each
     * one); with interval 0 nothing re-notifies it in between, as nothing does in Nagios. A service whose last
     * result was taken while its host was not UP waits for its next result, as in Nagios
     * ({@code host_problem_at_last_check}): the host may be back, but the service's problem is not confirmed.
     */
    public boolean renotificationDue(Subject s, Instant now) {
        if (now.isBefore(s.status().nextNotification())) {
            return false;
        }
        if (s.status() instanceof ServiceStatus svc && svc.hostProblemAtLastCheck()) {
            return false;
        }
        return !s.isVolatile() || escalations.intervalInForce(s, now) > 0.0;
    }

    /** Considers one notification of {@code reason} about {@code s} at {@code now}. */
    public Outcome notify(Subject s, Reason reason, String author, String comment, NotificationOptions options,
                          Instant at) {
        return notify(s, new Cause(reason, author, comment, options, false), at);
    }

    private Outcome notify(Subject s, Cause cause, Instant at) {
        Reason reason = cause.reason();
        NotificationOptions options = cause.options();
        Instant now = at.truncatedTo(ChronoUnit.SECONDS);
        CheckableStatus<?> st = s.status();
        Optional<Suppression> why = viability.check(s, reason, options, now);
        if (why.isPresent()) {
            if (!s.isHost() && s.settings().interval() == 0.0
                    && (st.scheduledDowntimeDepth() > 0 || s.host().scheduledDowntimeDepth() > 0)) {
                // Nagios 4.4: so that a problem outlasting the downtime is still notified once it ends
                st.setNextNotification(now);
            }
            return Outcome.suppressed(why.get());
        }
        boolean counted = reason == Reason.NORMAL || options.increment();
        if (counted) {
            st.setCurrentNotificationNumber(st.currentNotificationNumber() + 1);
        }
        // as notifications.c: every notification past the viability checks takes the next id, sent or not
        st.setCurrentNotificationId(notificationIds.getAsLong());
        Recipients.Chosen chosen = recipients.of(s, reason, options, now);
        if (chosen.contacts().isEmpty()) {
            if (counted) {
                st.setCurrentNotificationNumber(st.currentNotificationNumber() - 1);
            }
            return Outcome.suppressed(Suppression.NO_CONTACTS);
        }
        List<Notification> sent = send(s, cause, chosen, now);
        if (reason == Reason.NORMAL) {
            st.setNextNotification(escalations.nextNotification(s, now));
            st.setLastNotification(now);
            s.addNotifiedOn(s.stateLetter());
        }
        return new Outcome(sent, Optional.empty());
    }

    private List<Notification> send(Subject s, Cause cause, Recipients.Chosen chosen, Instant now) {
        CheckableStatus<?> st = s.status();
        Reason reason = cause.reason();
        String author = cause.author();
        String comment = cause.comment();
        List<String> names = chosen.contacts().stream().map(Contact::name).toList();
        String type = reason.type(s.isOk());
        Map<String, String> macros = cause.betweenResults() ? MacroSnapshot.atNextResult(s, now)
                : MacroSnapshot.of(s, now);
        macros.putAll(notificationMacros(s, type, names, chosen.escalated(), author, comment));
        List<Notification> out = new ArrayList<>();
        for (Contact c : chosen.contacts()) {
            List<String> commands = s.isHost() ? c.host().commands() : c.service().commands();
            Notification n = new Notification(reason, type, s.hostName(), s.service(), c, commands,
                    st.currentNotificationNumber(), st.currentState().name(), st.pluginOutput(), author, comment,
                    chosen.escalated(), now, names, macros);
            if (settings.logNotifications()) {
                for (String command : commands) {
                    log.accept(NotificationLog.line(n, command));
                }
            }
            sink.deliver(n);
            contactNotified.notified(c.name(), s.isHost(), now);
            out.add(n);
        }
        return out;
    }

    private static Map<String, String> notificationMacros(Subject s, String type, List<String> names,
                                                          boolean escalated, String author, String comment) {
        Map<String, String> m = new HashMap<>();
        String number = Integer.toString(s.status().currentNotificationNumber());
        m.put("NOTIFICATIONTYPE", type);
        m.put("NOTIFICATIONNUMBER", number);
        m.put(s.isHost() ? "HOSTNOTIFICATIONNUMBER" : "SERVICENOTIFICATIONNUMBER", number);
        m.put(s.isHost() ? "HOSTNOTIFICATIONID" : "SERVICENOTIFICATIONID",
                Long.toString(s.status().currentNotificationId()));
        m.put("NOTIFICATIONRECIPIENTS", String.join(",", names));
        m.put("NOTIFICATIONISESCALATED", escalated ? "1" : "0");
        m.put("NOTIFICATIONAUTHOR", author == null ? "" : author);
        m.put("NOTIFICATIONCOMMENT", comment == null ? "" : comment);
        if ("ACKNOWLEDGEMENT".equals(type)) {
            String kind = s.isHost() ? "HOST" : "SERVICE";
            m.put(kind + "ACKAUTHOR", author == null ? "" : author);
            m.put(kind + "ACKCOMMENT", comment == null ? "" : comment);
        }
        return m;
    }
}
