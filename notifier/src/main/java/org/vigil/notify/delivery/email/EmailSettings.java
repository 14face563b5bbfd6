package org.vigil.notify.delivery.email;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The SMTP server and the sender of the built-in email channel (the application config's {@code email:}).
 *
 * @param username     empty for a server without authentication
 * @param statusPageUrl the status page's base address for links in mails, or empty
 * @param templateDir  a directory whose {@code email-subject.ftl}, {@code email-text.ftl} and
 *                     {@code email-html.ftlh} replace the defaults, or null
 * @param zone         the zone dates in mails are written in
 * @param actions      the one-click acknowledge and downtime links of problem mails
 */
public record EmailSettings(String host, int port, Security security, String username, String password, String from,
                            String statusPageUrl, Path templateDir, Duration timeout, ZoneId zone,
                            EmailActions actions) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain SMTP (port 25, or a relay on localhost). */
        NONE,
        /** SMTP upgraded with STARTTLS, which is then required (port 587). */
        STARTTLS,
        /** TLS from the first byte, "SMTPS" (port 465). */
        TLS
    }

    public EmailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("email port must be 1-65535, got " + port);
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        statusPageUrl = statusPageUrl == null ? "" : statusPageUrl;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        zone = zone == null ? ZoneId.systemDefault() : zone;
        actions = actions == null ? EmailActions.DISABLED : actions;
        if (actions.enabled() && statusPageUrl.isBlank()) {
            throw new IllegalArgumentException("actions: the links need status_page, the public address of the status"
                    + " page they point to");
        }
    }

    /** Without one-click links. */
    public EmailSettings(String host, int port, Security security, String username, String password, String from,
                         String statusPageUrl, Path templateDir, Duration timeout, ZoneId zone) {
        this(host, port, security, username, password, from, statusPageUrl, templateDir, timeout, zone,
                EmailActions.DISABLED);
    }

    /** A server without authentication or TLS, default timeout, the system's zone. */
    public static EmailSettings plain(String host, int port, String from) {
        return new EmailSettings(host, port, Security.NONE, "", "", from, "", null, null, null);
    }

    public EmailSettings withAuth(String user, String pass) {
        return new EmailSettings(host, port, security, user, pass, from, statusPageUrl, templateDir, timeout, zone,
                actions);
    }

    public EmailSettings withStatusPage(String url) {
        return new EmailSettings(host, port, security, username, password, from, url, templateDir, timeout, zone,
                actions);
    }

    public EmailSettings withTemplateDir(Path dir) {
        return new EmailSettings(host, port, security, username, password, from, statusPageUrl, dir, timeout, zone,
                actions);
    }

    public EmailSettings withTimeout(Duration t) {
        return new EmailSettings(host, port, security, username, password, from, statusPageUrl, templateDir, t, zone,
                actions);
    }

    public EmailSettings withZone(ZoneId z) {
        return new EmailSettings(host, port, security, username, password, from, statusPageUrl, templateDir, timeout, z,
                actions);
    }

    public EmailSettings withActions(EmailActions a) {
        return new EmailSettings(host, port, security, username, password, from, statusPageUrl, templateDir, timeout,
                zone, a);
    }

    public EmailSettings withSecurity(Security s) {
        return new EmailSettings(host, port, s, username, password, from, statusPageUrl, templateDir, timeout, zone,
                actions);
    }
}
