package org.vigil.notify.delivery.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.vigil.notify.delivery.Channel;
import org.vigil.notify.delivery.DeliveryException;
import org.vigil.notify.delivery.Notification;
import org.vigil.notify.delivery.TemplateModel;
import org.vigil.notify.delivery.Templates;

/**
 * The built-in email channel: a multipart/alternative mail (plain text and HTML, both from Freemarker
 * templates) to the contact's {@code email}, over SMTP with Jakarta Mail. The Message-ID comes from the
 * delivery key, so a mail sent again after a crash can be recognised as the same one.
 */
public final class EmailChannel implements Channel {

    /** The name contacts select this channel by. */
    public static final String NAME = "email";

    private final EmailSettings settings;
    private final Templates templates;
    private final Session session;
    private final InternetAddress from;

    /** @throws IllegalArgumentException when the from address or the template directory is not usable */
    public EmailChannel(EmailSettings settings) {
        this.settings = settings;
        this.templates = Templates.withOverrides(settings.templateDir());
        this.session = Session.getInstance(properties(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("email from address '" + settings.from() + "' is not valid: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(Notification n, String deliveryKey) throws DeliveryException {
        MimeMessage message = compose(n, deliveryKey);
        Transport transport = null;
        try {
            transport = session.getTransport();
            if (settings.username().isEmpty()) {
                transport.connect();
            } else {
                transport.connect(settings.username(), settings.password());
            }
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw classify(e);
        } finally {
            closeQuietly(transport);
        }
    }

    /**
     * Once the server accepted the message (sendMessage returned), a failing QUIT must not fail the
     * delivery: a retry would send the mail twice.
     */
    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // The message is with the server already.
        }
    }

    /** The mail for {@code n}, rendered; visible for the tests of the templates. */
    MimeMessage compose(Notification n, String deliveryKey) throws DeliveryException {
        if (n.contact().email().isBlank()) {
            throw DeliveryException.permanent("contact " + n.contact().name() + " has no email address", null);
        }
        Map<String, Object> model = TemplateModel.of(n, settings.statusPageUrl(), settings.zone());
        model.putAll(ActionLinks.of(n, settings));
        String subject = templates.render("email-subject.ftl", model).strip();
        String text = templates.render("email-text.ftl", model);
        String html = templates.render("email-html.ftlh", model);
        try {
            MimeMessage m = new KeyedMimeMessage(session, "<" + deliveryKey.replace(':', '.') + "@vigil>");
            m.setFrom(from);
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(n.contact().email(), true));
            m.setSubject(subject, "UTF-8");
            m.setSentDate(Date.from(n.time()));
            m.setHeader("X-Vigil-Notification-Type", n.type().name());
            m.setHeader("X-Vigil-Dedup-Key", n.dedupKey());
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8", "plain");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            m.setContent(new MimeMultipart("alternative", plain, rich));
            m.saveChanges();
            return m;
        } catch (AddressException e) {
            throw DeliveryException.permanent("contact " + n.contact().name() + "'s email address '"
                    + n.contact().email() + "' is not valid: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw DeliveryException.permanent("cannot build the mail: " + e.getMessage(), e);
        }
    }

    /**
     * A 5xx answer about the message or its recipient cannot change by retrying; anything else (the server
     * unreachable, a 4xx, a rejected login that an admin may fix) is tried again.
     */
    private DeliveryException classify(MessagingException e) {
        String where = "SMTP " + settings.host() + ":" + settings.port() + ": ";
        if (e instanceof AuthenticationFailedException) {
            return DeliveryException.temporary(where + "login failed: " + message(e), e);
        }
        int code = replyCode(e);
        if (code >= 500) {
            return DeliveryException.permanent(where + message(e), e);
        }
        return DeliveryException.temporary(where + message(e), e);
    }

    private static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (!(x instanceof SendFailedException) && x != e) {
                return 0;
            }
        }
        return 0;
    }

    private static String message(MessagingException e) {
        StringBuilder m = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        if (cause != null && cause.getMessage() != null && !m.toString().contains(cause.getMessage().strip())) {
            m.append(": ").append(cause.getMessage().strip());
        }
        return m.toString();
    }

    private static Properties properties(EmailSettings s) {
        Properties p = new Properties();
        String timeout = Long.toString(s.timeout().toMillis());
        String proto = s.security() == EmailSettings.Security.TLS ? "smtps" : "smtp";
        p.setProperty("mail.transport.protocol", proto);
        p.setProperty("mail." + proto + ".host", s.host());
        p.setProperty("mail." + proto + ".port", Integer.toString(s.port()));
        p.setProperty("mail." + proto + ".connectiontimeout", timeout);
        p.setProperty("mail." + proto + ".timeout", timeout);
        p.setProperty("mail." + proto + ".writetimeout", timeout);
        p.setProperty("mail." + proto + ".auth", Boolean.toString(!s.username().isEmpty()));
        p.setProperty("mail.from", s.from());
        if (s.security() == EmailSettings.Security.STARTTLS) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        if (s.security() == EmailSettings.Security.TLS) {
            p.setProperty("mail.smtps.ssl.checkserveridentity", "true");
        }
        return p;
    }
}
