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
