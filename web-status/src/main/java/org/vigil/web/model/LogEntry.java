package org.vigil.web.model;

import java.time.Instant;

/**
 * One line of Nagios's log: its time, its type ({@code SERVICE ALERT}; "" for untyped program lines such as
 * {@code Vigil 0.1.0 starting...}), the host and service it is about (null when none), and the text after the type.
 */
public record LogEntry(Instant time, String type, String host, String service, String message) {

    /** Whether the line has a {@code TYPE:} prefix. */
    public boolean typed() {
        return !type.isEmpty();
    }
}
