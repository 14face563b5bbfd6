package org.vigil.engine.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Where in its interval a check first runs after a start: a stable offset from the check's name, so that
 * checks are spread over their interval, the same after every restart, and a host's services do not all
 * run at once (no thundering herd).
 */
public final class InitialSpread {

    private InitialSpread() {
    }

    /** {@code now} plus a stable offset in {@code [0, interval)}. */
    public static Instant first(String name, Duration interval, Instant now) {
        long millis = interval.toMillis();
        if (millis <= 0) {
            return now;
        }
        return now.plusMillis(Math.floorMod(mix(name), millis));
    }

    /**
     * {@code at} moved to the check's own place inside its second, when {@code at} is a whole second. Nagios's
     * times are whole seconds and its queue orders events inside a second by when they were queued; Vigil gives
     * each check a stable offset there instead, so the checks due in one second are started over that second
     * rather than all at its first instant (which measured as most of the scheduling latency at 500 checks/s).
     */
    public static Instant inSecond(String name, Instant at) {
        if (at.getNano() != 0) {
            return at;
        }
        return at.plusNanos(Math.floorMod(mix(name), 1_000_000_000L));
    }

    /** A 64-bit mix of the name's characters (FNV-1a then a finalizer), so similar names spread widely. */
    static long mix(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
