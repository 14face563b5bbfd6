package org.vigil.engine.state;

/** A host state, numbered as Nagios numbers it (not as plugins return codes: see HostResultHandler). */
public enum HostState implements NagiosState {
    UP(0, 'o'), DOWN(1, 'd'), UNREACHABLE(2, 'u');

    private final int code;
    private final char letter;

    HostState(int code, char letter) {
        this.code = code;
        this.letter = letter;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public char letter() {
        return letter;
    }

    @Override
    public boolean isOk() {
        return this == UP;
    }

    /** The state of a passive host result; the command layer rejects codes outside 0-2, as Nagios does. */
    public static HostState ofCode(int code) {
        for (HostState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("host state " + code + " is not 0-2");
    }

    /** The state an {@code initial_state} letter ({@code o d u}) stands for. */
    public static HostState ofLetter(char letter) {
        for (HostState s : values()) {
            if (s.letter == letter) {
                return s;
            }
        }
        throw new IllegalArgumentException("host initial_state '" + letter + "' is not one of o, d, u");
    }
}
