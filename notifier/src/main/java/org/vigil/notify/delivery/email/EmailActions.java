package org.vigil.notify.delivery.email;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One-click actions in problem emails ({@code notifications.email.actions} in {@code vigil.yml}): whether PROBLEM
 * mails carry an "Acknowledge" and a "Schedule downtime" link, the secret their tokens are signed with, how long a
 * link is valid and how long the downtime it schedules lasts.
 *
 * @param secret   the HMAC key; at least {@link #MIN_SECRET_BYTES} bytes when enabled
 * @param validFor how long a link works at most (it also stops when its problem ends)
 * @param downtime the length of the downtime the downtime link schedules, from the moment it is confirmed
 */
public record EmailActions(boolean enabled, String secret, Duration validFor, Duration downtime) {

    /** 256 bits: the length of the HMAC-SHA256 key the tokens are signed with. */
    public static final int MIN_SECRET_BYTES = 32;
    /** The longest a link may be valid: a week. */
    public static final int MAX_HOURS = 168;

    /** No links in mails. */
    public static final EmailActions DISABLED = new EmailActions(false, "", Duration.ofHours(24), Duration.ofHours(2));

    public EmailActions {
        secret = secret == null ? "" : secret;
        validFor = validFor == null ? Duration.ofHours(24) : validFor;
        downtime = downtime == null ? Duration.ofHours(2) : downtime;
    }

    /**
     * Checked settings.
     *
     * @throws IllegalArgumentException naming the key when enabled without a secret or with a short one, or when
     *                                  an hour count is not 1-168
     */
    public static EmailActions of(boolean enabled, String secret, int validHours, int downtimeHours) {
        if (validHours < 1 || validHours > MAX_HOURS) {
            throw new IllegalArgumentException("actions.valid_hours: must be 1-" + MAX_HOURS + ", got " + validHours);
        }
        if (downtimeHours < 1 || downtimeHours > MAX_HOURS) {
            throw new IllegalArgumentException("actions.downtime_hours: must be 1-" + MAX_HOURS + ", got "
                    + downtimeHours);
        }
        String s = secret == null ? "" : secret.strip();
        if (enabled && s.isEmpty()) {
            throw new IllegalArgumentException("actions.secret: the links are enabled but no secret is set (give at"
                    + " least " + MIN_SECRET_BYTES + " random characters, e.g. ${VIGIL_EMAIL_ACTION_SECRET} set from"
                    + " 'openssl rand -base64 32')");
        }
        if (enabled && s.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("actions.secret: too short (" + s.getBytes(StandardCharsets.UTF_8).length
                    + " bytes; at least " + MIN_SECRET_BYTES + ", e.g. from 'openssl rand -base64 32')");
        }
        return new EmailActions(enabled, s, Duration.ofHours(validHours), Duration.ofHours(downtimeHours));
    }

    /** The signer and checker of this secret's tokens. */
    public ActionTokens tokens() {
        return new ActionTokens(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() { // never the secret in a log line
        return "EmailActions[enabled=" + enabled + ", validFor=" + validFor + ", downtime=" + downtime + "]";
    }
}
