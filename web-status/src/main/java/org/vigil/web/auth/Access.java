package org.vigil.web.auth;

import org.vigil.model.HostView;
import org.vigil.model.ServiceView;
import org.vigil.model.StatusSnapshot;

/**
 * What one user may see, as Nagios's CGIs decide it: everything with {@code all_objects}; else the hosts the
 * linked contact is a contact of, and the services it is a contact of or whose host it is a contact of.
 */
public record Access(WebUser user) {

    public boolean canSee(HostView host) {
        return user.allObjects() || (user.contact() != null && host.contacts().contains(user.contact()));
    }

    public boolean canSee(ServiceView service, StatusSnapshot snapshot) {
        if (user.allObjects()) {
            return true;
        }
        if (user.contact() == null) {
            return false;
        }
        return service.contacts().contains(user.contact())
                || snapshot.host(service.host()).map(this::canSee).orElse(false);
    }

    /** Whether the user sees the comment or downtime of {@code host} / {@code service} (null for host ones). */
    public boolean canSee(String host, String service, StatusSnapshot snapshot) {
        if (service == null) {
            return snapshot.host(host).map(this::canSee).orElse(user.allObjects());
        }
        return snapshot.service(host, service).map(s -> canSee(s, snapshot)).orElse(user.allObjects());
    }
}
