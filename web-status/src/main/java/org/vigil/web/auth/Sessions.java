package org.vigil.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The login sessions of the pages, in memory (a restart logs everyone out): a random id in an HttpOnly cookie,
 * dropped after {@code idleTimeout} without a request. Also the CSRF tokens: a session's own random token, and
 * for requests without a session (basic authentication, or no users at all) one derived from a per-server secret
 * and the user's name, so a page rendered for a user can be posted back by that user only.
 */
public final class Sessions {

    /** The session cookie's name. */
    public static final String COOKIE = "vigil_session";

    /** The idle timeout of a session unless told otherwise: a working day. */
    public static final Duration DEFAULT_IDLE = Duration.ofHours(8);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One logged-in browser. */
    public static final class Session {
        private final String id;
        private final WebUser user;
        private final String csrfToken;
        private volatile Instant lastSeen;

        Session(String id, WebUser user, String csrfToken, Instant now) {
            this.id = id;
            this.user = user;
            this.csrfToken = csrfToken;
            this.lastSeen = now;
        }

        public String id() {
            return id;
        }

        public WebUser user() {
            return user;
        }

        public String csrfToken() {
            return csrfToken;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idleTimeout;
    private final byte[] secret = random(32);

    public Sessions(Clock clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** A new session for {@code user} (a new id at every login, so an id known before login is worthless). */
    public Session create(WebUser user) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
        Session s = new Session(token(random(32)), user, token(random(32)), now);
        sessions.put(s.id, s);
        return s;
    }

    /** The live session with this id, its idle time restarted; empty if unknown or idle too long. */
    public Optional<Session> find(String id) {
        Session s = id == null ? null : sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    /** Ends the session (logout). */
    public void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** How long an unused session lives. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** The CSRF token of a user without a session: an HMAC of its name under this server's secret. */
    public String csrfTokenFor(WebUser user) {
        return token(hmac(secret, "csrf:" + user.name()));
    }

    /** HMAC-SHA256 of {@code data} under {@code key}. */
    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Whether {@code given} equals {@code expected}, compared in constant time; null or empty never matches. */
    public static boolean sameToken(String expected, String given) {
        return expected != null && given != null && !given.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private boolean expired(Session s, Instant now) {
        return s.lastSeen.plus(idleTimeout).isBefore(now);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String token(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
