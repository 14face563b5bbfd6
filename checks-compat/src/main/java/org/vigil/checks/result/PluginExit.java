package org.vigil.checks.result;

/**
 * What a plugin's run says, after Nagios's mapping of timeouts, failed starts and codes outside 0-3: OK, WARNING,
 * CRITICAL or UNKNOWN, numbered as plugins return them. For a service this is its state; for a host it is not
 * (WARNING is UP unless {@code use_aggressive_host_checking}): the engine decides that, once, in its host logic.
 */
public enum PluginExit {
    OK, WARNING, CRITICAL, UNKNOWN;

    /** The plugin return code 0-3 this stands for. */
    public int code() {
        return ordinal();
    }

    /** The exit of return code {@code code}, which must be 0-3 (the mapper has replaced the others). */
    public static PluginExit ofCode(int code) {
        if (code < 0 || code > 3) {
            throw new IllegalArgumentException("plugin return code " + code + " is not 0-3");
        }
        return values()[code];
    }

    /** {@code service_check_timeout_state}: o, w, c or u; anything else is Nagios's default, critical. */
    public static PluginExit fromOption(String letter) {
        return switch (letter == null ? "c" : letter.strip()) {
            case "o" -> OK;
            case "w" -> WARNING;
            case "u" -> UNKNOWN;
            default -> CRITICAL;
        };
    }
}
