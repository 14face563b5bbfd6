package org.vigil.engine.state;

/** A service state, numbered as plugins return it. */
public enum ServiceState implements NagiosState {
    OK(0, 'o'), WARNING(1, 'w'), CRITICAL(2, 'c'), UNKNOWN(3, 'u');

    private final int code;
    private final char letter;

    ServiceState(int code, char letter) {
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
        return this == OK;
    }

    /** A service's state is its plugin's exit (Nagios's mapping of timeouts and bad codes already applied). */
    public static ServiceState of(org.vigil.checks.result.PluginExit exit) {
        return values()[exit.code()];
    }

    /** The state numbered {@code code} 0-3 (status files, retention, the command pipe). */
    public static ServiceState ofCode(int code) {
        for (ServiceState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("service return code " + code + " is not 0-3");
    }

    /** The state an {@code initial_state} letter ({@code o w u c}) stands for. */
    public static ServiceState ofLetter(char letter) {
        for (ServiceState s : values()) {
            if (s.letter == letter) {
                return s;
            }
        }
        throw new IllegalArgumentException("service initial_state '" + letter + "' is not one of o, w, u, c");
    }
}
