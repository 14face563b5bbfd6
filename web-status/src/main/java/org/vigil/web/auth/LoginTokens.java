package org.vigil.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * The login form's own CSRF token, given before there is a session (against login CSRF: a foreign page posting
 * the form to log a browser into the attacker's account). Each rendering of the form gets a fresh token, sent both
 * in a short-lived cookie and in the form's hidden field; the POST must bring the two, equal. A token is signed
 * with a per-server secret and carries its expiry, so one the server did not make (say, a cookie planted by a
 * sibling host next to a field the attacker wrote) or one too old is refused even when cookie and field agree.
 */
public final class LoginTokens {

    /** The cookie that carries the token (Path=/login, so no other request sends it). */
    public static final String COOKIE = "vigil_login";

    /** How long a rendered login form can be posted. */
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    private final Clock clock;
    private final byte[] secret = Sessions.random(32);

    public LoginTokens(Clock clock) {
        this.clock = clock;
    }

    /** A fresh token: {@code nonce.expiry.signature}, every part cookie-safe. */
    public String issue() {
        String body = Sessions.token(Sessions.random(18)) + "." + clock.instant().plus(LIFETIME).getEpochSecond();
        return body + "." + signature(body);
    }

    /** Whether the form's {@code field} and the {@code cookie} are the same live token of this server. */
    public boolean valid(String cookie, String field) {
        if (!Sessions.sameToken(cookie, field)) {
            return false;
        }
        int last = field.lastIndexOf('.');
        int first = field.indexOf('.');
        if (first <= 0 || last <= first) {
            return false;
        }
        String body = field.substring(0, last);
        boolean signed = MessageDigest.isEqual(signature(body).getBytes(StandardCharsets.UTF_8),
                field.substring(last + 1).getBytes(StandardCharsets.UTF_8));
        return signed && clock.instant().getEpochSecond() < expiry(body.substring(first + 1));
    }

    private String signature(String body) {
        return Sessions.token(Sessions.hmac(secret, "login:" + body));
    }

    /** The expiry written in a token (epoch seconds); 0 (long past) if it is not a number. */
    private static long expiry(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
