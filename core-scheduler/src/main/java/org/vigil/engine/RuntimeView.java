package org.vigil.engine;

import java.util.Map;

/**
 * Runtime values of hosts and services at the time a check was started (state, output, attempt...), keyed
 * by Nagios macro name without dollars, for the macros of command lines. Taken on the engine thread.
 */
public record RuntimeView(Map<String, String> host, Map<String, String> service) {

    public RuntimeView {
        host = Map.copyOf(host);
        service = service == null ? Map.of() : Map.copyOf(service);
    }
}
