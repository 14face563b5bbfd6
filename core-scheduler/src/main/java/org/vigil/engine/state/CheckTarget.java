package org.vigil.engine.state;

import org.vigil.config.model.ServiceKey;

/**
 * What one scheduled check is of: a host ({@code service == null}) or a service. {@code id} is the check's
 * name in the check clock.
 */
public record CheckTarget(String id, String hostName, ServiceKey service) {

    public boolean isHost() {
        return service == null;
    }

    /** The id's hash (unique within an engine, and cached by String): maps keyed by targets are looked up a lot. */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckTarget t && t.id.equals(id) && t.hostName.equals(hostName)
                && java.util.Objects.equals(t.service, service);
    }

    @Override
    public String toString() {
        return service == null ? "host " + hostName : "service " + service;
    }
}
