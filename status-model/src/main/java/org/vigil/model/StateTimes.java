package org.vigil.model;

/**
 * When an object was last seen in each state (Nagios's {@code last_time_ok}, {@code last_time_down}...), by state
 * code, in epoch seconds (0 for never). Four plain fields rather than a list of boxed numbers: one is kept per host
 * and service, 48 bytes instead of about 110.
 */
public final class StateTimes {

    private final long t0;
    private final long t1;
    private final long t2;
    private final long t3;

    public StateTimes(long t0, long t1, long t2, long t3) {
        this.t0 = t0;
        this.t1 = t1;
        this.t2 = t2;
        this.t3 = t3;
    }

    /** The last time in the state with code {@code state} (0 for never or for a code with no state). */
    public long of(int state) {
        return switch (state) {
            case 0 -> t0;
            case 1 -> t1;
            case 2 -> t2;
            case 3 -> t3;
            default -> 0;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateTimes s && s.t0 == t0 && s.t1 == t1 && s.t2 == t2 && s.t3 == t3;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(t0, t1, t2, t3);
    }

    @Override
    public String toString() {
        return "StateTimes[" + t0 + ", " + t1 + ", " + t2 + ", " + t3 + "]";
    }
}
