package org.vigil.model;

/**
 * The positions of the objects in each state, and of the problems, in list order: what a list filtered by state
 * or {@code /problems} walks instead of every object. Worked out from one byte per object only when a state
 * changed since the last snapshot, else the last one is kept.
 */
final class StateIndex {

    /** The host states in the order of their lists: a host code's low bits are a position in it. */
    static final java.util.List<String> HOST_STATES = java.util.List.of("UP", "DOWN", "UNREACHABLE", "PENDING");
    /** The service states in the order of their lists. */
    static final java.util.List<String> SERVICE_STATES = java.util.List.of("OK", "WARNING", "CRITICAL", "UNKNOWN",
            "PENDING");

    /** The bit of a code that says the object is a problem (checked, not OK/UP); the low bits are the state. */
    static final int PROBLEM = 0x10;

    private final int[][] byState;
    private final int[] problems;

    private StateIndex(int[][] byState, int[] problems) {
        this.byState = byState;
        this.problems = problems;
    }

    /** The index of {@code codes}, one per object, each a state's position in its kind's list (+ {@link #PROBLEM}). */
    static StateIndex of(byte[] codes, int states) {
        int[] count = new int[states];
        int problemCount = 0;
        for (byte c : codes) {
            count[c & 0xf]++;
            problemCount += (c & PROBLEM) != 0 ? 1 : 0;
        }
        int[][] byState = new int[states][];
        for (int s = 0; s < states; s++) {
            byState[s] = new int[count[s]];
        }
        int[] problems = new int[problemCount];
        int[] filled = new int[states];
        int p = 0;
        for (int i = 0; i < codes.length; i++) {
            int s = codes[i] & 0xf;
            byState[s][filled[s]++] = i;
            if ((codes[i] & PROBLEM) != 0) {
                problems[p++] = i;
            }
        }
        return new StateIndex(byState, problems);
    }

    int[] inState(int state) {
        return byState[state];
    }

    int[] problems() {
        return problems;
    }
}
