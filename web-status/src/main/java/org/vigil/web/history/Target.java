package org.vigil.web.history;

/** A host ({@code service} null) or a service whose history is asked for. */
public record Target(String host, String service) {

    public boolean isHost() {
        return service == null;
    }
}
