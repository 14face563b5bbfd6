package org.vigil.engine.state;

/** Whether a state is still being retried (SOFT) or confirmed (HARD); codes as in status.dat. */
public enum StateType {
    SOFT(0), HARD(1);

    private final int code;

    StateType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
