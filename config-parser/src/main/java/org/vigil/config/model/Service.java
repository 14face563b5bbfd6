package org.vigil.config.model;

import java.util.List;
import java.util.Map;
import org.vigil.config.diag.SourceLocation;

/** A service on one host, fully resolved: templates applied, groups expanded, defaults filled in. */
public record Service(ServiceKey key, String displayName, List<ServiceKey> parents, List<String> servicegroups,
                      CheckSettings check, boolean isVolatile, boolean parallelize, FlapSettings flap,
                      NotificationSettings notification, Options stalking, Links links, Retention retention,
                      int importance, Map<String, String> customVariables, SourceLocation location) {

    public Service {
        parents = List.copyOf(parents);
        servicegroups = List.copyOf(servicegroups);
        customVariables = CustomVariables.copyOf(customVariables);
    }

    public String hostName() {
        return key.hostName();
    }

    public String description() {
        return key.description();
    }
}
