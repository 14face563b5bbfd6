package org.vigil.web.auth;

import java.time.Clock;
import java.time.Duration;

/**
 * How many password hashes the server computes, whoever asks: at most {@link Limits#maxConcurrent} at once and
 * {@link Limits#maxPerSecond} a second on average (a token bucket holding one second's worth). A PBKDF2 hash is
 * deliberately slow (about 0.1 s of a core), so wrong passwords from many client addresses, each under the
 * {@link LoginThrottle}'s per-address limits, could otherwise keep every core hashing. Past the budget a check is
 * not made at all and the caller answers at once (503 with {@code Retry-After}); sessions and credentials found in
 * {@link VerifiedCredentials} never get here, so users already in are not affected. Thread-safe.
 */
public final class PasswordChecks {

    /** The budget: hashes a second on average, and at once. */
    public record Limits(int maxPerSecond, int maxConcurrent) {

        /**
         * 10 a second, 2 at once: about one core's worth at the default 210,000 iterations, and far more than
         * people logging in and scripts whose basic credentials are verified once a minute need.
         */
        public static final Limits DEFAULT = new Limits(10, 2);

        /** No budget (for tests and tools that hash on their own). */
        public static final Limits UNLIMITED = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE);

        public Limits {
            if (maxPerSecond < 1 || maxConcurrent < 1) {
                throw new IllegalArgumentException("password checks need at least 1 a second and 1 at once");
            }
        }
    }

    private final Clock clock;
    private final Limits limits;
    private double tokens;
    private long refilled;
    private int running;

    public PasswordChecks(Clock clock, Limits limits) {
        this.clock = clock;
        this.limits = limits;
        this.tokens = limits.maxPerSecond();
        this.refilled = clock.millis();
    }

    /** No budget: every check is made. */
    public static PasswordChecks unlimited() {
        return new PasswordChecks(Clock.systemUTC(), Limits.UNLIMITED);
    }

    /** Whether a hash may start now; if so, {@link #finish} must follow it. */
    public synchronized boolean tryStart() {
        refill();
        if (running >= limits.maxConcurrent() || tokens < 1) {
            return false;
        }
        tokens -= 1;
        running++;
        return true;
    }

    /** A hash {@link #tryStart} let in has ended. */
    public synchronized void finish() {
        running = Math.max(0, running - 1);
    }

    /** Whole seconds (at least 1) until {@link #tryStart} would let a hash in, for {@code Retry-After}. */
    public synchronized Duration retryAfter() {
        refill();
        double missing = Math.max(0, 1 - tokens);
        return Duration.ofSeconds(Math.max(1, (long) Math.ceil(missing / limits.maxPerSecond())));
    }

    private void refill() {
        long now = clock.millis();
        if (now > refilled) {
            tokens = Math.min(limits.maxPerSecond(), tokens + (now - refilled) / 1000.0 * limits.maxPerSecond());
            refilled = now;
        }
    }
}
