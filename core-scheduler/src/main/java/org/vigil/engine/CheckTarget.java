package org.vigil.engine;

import org.vigil.config.model.ServiceKey;

/**
 * What one scheduled check is of: a host ({@code service == null}) or a service. {@code id} is the check's
 * name in the check clock.
 */
public record CheckTarget(String id, String hostName, ServiceKey service) {

    public boolean isHost() {
        return service == null;
    }

    @Override
    public String toString() {
        return service == null ? "host " + hostName : "service " + service;
    }
}
