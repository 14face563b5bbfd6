package org.vigil.checks.result;

/** A service state as a plugin's return code names it. */
public enum ServiceState {
    OK, WARNING, CRITICAL, UNKNOWN;

    public int code() {
        return ordinal();
    }

    /** {@code service_check_timeout_state}: o, w, c or u; anything else is Nagios's default, critical. */
    public static ServiceState fromOption(String letter) {
        return switch (letter == null ? "c" : letter.strip()) {
            case "o" -> OK;
            case "w" -> WARNING;
            case "u" -> UNKNOWN;
            default -> CRITICAL;
        };
    }
}
