package org.vigil.livestatus.server;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of event a {@code WaitTrigger:} header names: a waiting request is checked again when one of its kind
 * happens ({@code all}: any).
 */
public enum WaitTrigger {
    CHECK, STATE, LOG, DOWNTIME, COMMENT, COMMAND, PROGRAM, ALL;

    /** The trigger a header names, in Livestatus's lower case; empty for an unknown one. */
    public static Optional<WaitTrigger> named(String name) {
        for (WaitTrigger t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
