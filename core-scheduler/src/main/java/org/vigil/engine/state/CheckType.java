package org.vigil.engine.state;

/** Whether a result came from a check Vigil ran (ACTIVE) or was submitted to it (PASSIVE). */
public enum CheckType {
    ACTIVE(0), PASSIVE(1);

    private final int code;

    CheckType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
