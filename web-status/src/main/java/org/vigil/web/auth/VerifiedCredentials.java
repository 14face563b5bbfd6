package org.vigil.web.auth;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Name and password pairs verified lately, so a client sending the same basic credentials with every request pays
 * for one password hash, not one per request (a PBKDF2 hash is deliberately slow: about 30 requests a second).
 * Only good pairs are kept, each under a 256-bit HMAC of name and password with a per-process secret (never the
 * password), for {@link Limits#ttl} at most; at most {@link Limits#maxEntries}, the least recently used dropped
 * first. A changed or removed user must not be let in by an old entry: {@link #clear} empties it whenever the users
 * change, and it belongs to one {@link Users}, so a new set of users starts with an empty one.
 */
public final class VerifiedCredentials {

    /** How long a verified pair is trusted without hashing again, and how many pairs are kept. */
    public record Limits(Duration ttl, int maxEntries) {

        /** 60 seconds, 1,000 pairs. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(60), 1_000);

        /** No cache: every request hashes. */
        public static final Limits OFF = new Limits(Duration.ZERO, 0);

        public Limits {
            if (ttl.isNegative() || maxEntries < 0) {
                throw new IllegalArgumentException("the credential cache's ttl and size cannot be negative");
            }
        }
    }

    private record Key(long a, long b, long c, long d) {
    }

    private record Entry(WebUser user, long expires) {
    }

    private final Clock clock;
    private final Limits limits;
    private final byte[] secret = Sessions.random(32);
    private final Map<Key, Entry> entries;

    public VerifiedCredentials(Clock clock, Limits limits) {
        this.clock = clock;
        this.limits = limits;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > limits.maxEntries();
            }
        };
    }

    /** The user these credentials were verified for, if that was less than the TTL ago. */
    public Optional<WebUser> find(String name, String password) {
        if (limits.maxEntries() == 0) {
            return Optional.empty();
        }
        Key k = key(name, password);
        long now = clock.millis();
        synchronized (entries) {
            Entry e = entries.get(k);
            if (e == null) {
                return Optional.empty();
            }
            if (e.expires() <= now) {
                entries.remove(k);
                return Optional.empty();
            }
            return Optional.of(e.user());
        }
    }

    /** Remembers that {@code name} and {@code password} are {@code user}'s. */
    public void remember(String name, String password, WebUser user) {
        if (limits.maxEntries() == 0 || limits.ttl().isZero()) {
            return;
        }
        Key k = key(name, password);
        Entry e = new Entry(user, clock.millis() + limits.ttl().toMillis());
        synchronized (entries) {
            entries.put(k, e);
        }
    }

    /** Forgets every pair (the users changed). */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** The name's length first, so no other split of the same characters into name and password has its key. */
    private Key key(String name, String password) {
        ByteBuffer b = ByteBuffer.wrap(Sessions.hmac(secret, name.length() + ":" + name + password));
        return new Key(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }
}
