package org.vigil.web.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing (login form and basic authentication together), per client address: after
 * {@link Limits#perName} wrong passwords for one user name from one address within {@link Limits#window}, that
 * address may not try that name until the oldest of them is a window old; after {@link Limits#perAddress} wrong
 * passwords from one address (any names), that address may not try at all. A name is never locked for everyone,
 * so a stranger cannot lock a user out: the user logs in from its own address. A good login clears its address and
 * name, not the address (else a guesser with one account of its own could reset its count).
 * <p>
 * The table cannot grow without limit: a key is a 128-bit HMAC of the address (IPv6: its /64, which one host
 * usually holds whole) or of address and name under a per-process secret, whatever the name's length; each key
 * keeps at most its limit of failure times; at most {@link Limits#maxTracked} keys are kept, the least recently
 * used dropped first. In memory: a restart forgets.
 */
public final class LoginThrottle {

    /** How many failures lock what, within what window, and how many keys are kept. */
    public record Limits(int perName, int perAddress, Duration window, int maxTracked) {

        /** 5 per address and name, 30 per address, in 5 minutes; 10,000 keys (under 2 MB). */
        public static final Limits DEFAULT = new Limits(5, 30, Duration.ofMinutes(5), 10_000);

        public Limits {
            if (perName < 1 || perAddress < 1 || maxTracked < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("login throttle limits must be positive: " + perName + ", "
                        + perAddress + ", " + window + ", " + maxTracked);
            }
        }
    }

    /** Kept for the callers and tests that speak of the defaults. */
    public static final int MAX_FAILURES = Limits.DEFAULT.perName();
    public static final Duration WINDOW = Limits.DEFAULT.window();

    /** A fixed-size key: 128 bits of an HMAC, whatever it was made of. */
    private record Key(long high, long low) {
    }

    private final Clock clock;
    private final Limits limits;
    private final byte[] secret = Sessions.random(32);
    private final Map<Key, Failures> failures;

    public LoginThrottle(Clock clock) {
        this(clock, Limits.DEFAULT);
    }

    public LoginThrottle(Clock clock, Limits limits) {
        this.clock = clock;
        this.limits = limits;
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Failures> eldest) {
                return size() > limits.maxTracked();
            }
        };
    }

    public Limits limits() {
        return limits;
    }

    /** How long {@code address} must wait before trying {@code name} again; empty if it may try now. */
    public Optional<Duration> waitFor(String address, String name) {
        long now = clock.millis();
        long until;
        synchronized (failures) {
            until = Math.max(lockedUntil(addressKey(address), now), lockedUntil(nameKey(address, name), now));
        }
        return until > now ? Optional.of(Duration.ofMillis(until - now)) : Optional.empty();
    }

    /** A wrong password for {@code name} from {@code address}: counts against both. */
    public void failed(String address, String name) {
        long now = clock.millis();
        Key byAddress = addressKey(address);
        Key byName = nameKey(address, name);
        synchronized (failures) {
            failures.computeIfAbsent(byAddress, k -> new Failures(limits.perAddress())).add(now);
            failures.computeIfAbsent(byName, k -> new Failures(limits.perName())).add(now);
        }
    }

    /** A good login: this address starts afresh with this name (its other failures still count). */
    public void succeeded(String address, String name) {
        Key byName = nameKey(address, name);
        synchronized (failures) {
            failures.remove(byName);
        }
    }

    /** How many keys the table holds now (at most {@link Limits#maxTracked}). */
    public int tracked() {
        synchronized (failures) {
            return failures.size();
        }
    }

    /** When the key's lock ends (epoch ms), or 0 if it is not locked; caller holds the lock. */
    private long lockedUntil(Key key, long now) {
        Failures f = failures.get(key);
        if (f == null) {
            return 0;
        }
        long until = f.lockedUntil(limits.window().toMillis());
        if (until <= now && f.newest() + limits.window().toMillis() <= now) {
            failures.remove(key); // every failure aged out: nothing worth its room
        }
        return until;
    }

    private Key addressKey(String address) {
        return key("address\0" + network(address));
    }

    private Key nameKey(String address, String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        String a = network(address);
        return key("name\0" + a.length() + ":" + a + n);
    }

    private Key key(String data) {
        ByteBuffer b = ByteBuffer.wrap(Sessions.hmac(secret, data));
        return new Key(b.getLong(), b.getLong());
    }

    /**
     * The part of a client address that names one client: an IPv4 address whole, an IPv6 address's /64 (a host
     * commonly holds a whole /64, so single addresses would give it endless fresh keys). Not an address: as given.
     */
    static String network(String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal (no ':' would mean a name): parsed without any lookup
            InetAddress a = InetAddress.getByName(address);
            if (a instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(a.getAddress(), 8);
                return "v6/" + ByteBuffer.wrap(prefix).getLong();
            }
            return a.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** The last failure times of one key, at most its limit (older ones cannot matter). */
    private static final class Failures {
        private final long[] at;
        private int count;
        private int next;

        Failures(int limit) {
            this.at = new long[limit];
        }

        void add(long now) {
            at[next] = now;
            next = (next + 1) % at.length;
            count = Math.min(count + 1, at.length);
        }

        /** With the limit reached, the lock ends when the oldest of the last {@code limit} is a window old. */
        long lockedUntil(long windowMillis) {
            return count < at.length ? 0 : at[next] + windowMillis;
        }

        long newest() {
            return count == 0 ? 0 : at[(next - 1 + at.length) % at.length];
        }
    }
}
