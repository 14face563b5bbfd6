package org.vigil.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing at the login form: after {@link #MAX_FAILURES} wrong passwords for one user name
 * within {@link #WINDOW}, that name is refused until the oldest of them is {@link #WINDOW} old. A good login clears
 * the name's failures. Kept in memory (a restart forgets), per name, so one attacker cannot lock out everyone.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code name} must wait before trying again; empty if it may try now. */
    public Optional<Duration> waitFor(String name) {
        Deque<Instant> f = failures.get(key(name));
        if (f == null) {
            return Optional.empty();
        }
        synchronized (f) {
            Instant now = clock.instant();
            prune(f, now);
            if (f.size() < MAX_FAILURES) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, f.peekFirst().plus(WINDOW)));
        }
    }

    /** A wrong password for {@code name}. */
    public void failed(String name) {
        Deque<Instant> f = failures.computeIfAbsent(key(name), k -> new ArrayDeque<>());
        synchronized (f) {
            Instant now = clock.instant();
            prune(f, now);
            f.addLast(now);
        }
    }

    /** A good login: the name starts afresh. */
    public void succeeded(String name) {
        failures.remove(key(name));
    }

    private static void prune(Deque<Instant> f, Instant now) {
        while (!f.isEmpty() && !f.peekFirst().plus(WINDOW).isAfter(now)) {
            f.removeFirst();
        }
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
