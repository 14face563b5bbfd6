package org.vigil.checks.macro;

import org.vigil.config.model.ServiceKey;

/**
 * The runtime values behind macros (state, output, attempt, last check...), which only the engine knows. Each
 * method answers one macro by its Nagios name without the dollars ({@code HOSTSTATE}, {@code SERVICEOUTPUT},
 * {@code TOTALHOSTSUP}...), formatted as Nagios formats it (see {@link MacroFormats}), or null when it has no value
 * (the macro then expands to ""). Long output must be given escaped as Nagios keeps it
 * ({@code PluginOutput.escapedLongText()}). Implementations must be thread-safe.
 */
public interface RuntimeMacros {

    /** A runtime value of a host, or null. */
    String host(String hostName, String macro);

    /** A runtime value of a service, or null. */
    String service(ServiceKey key, String macro);

    /** A process-wide value ({@code PROCESSSTARTTIME}, {@code EVENTSTARTTIME}, the {@code TOTAL...} counts), or null. */
    default String global(String macro) {
        return null;
    }

    /** No runtime values at all: every runtime macro expands to "". */
    RuntimeMacros NONE = new RuntimeMacros() {
        @Override
        public String host(String hostName, String macro) {
            return null;
        }

        @Override
        public String service(ServiceKey key, String macro) {
            return null;
        }
    };
}
