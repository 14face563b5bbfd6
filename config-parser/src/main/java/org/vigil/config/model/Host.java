package org.vigil.config.model;

import java.util.List;
import java.util.Map;
import org.vigil.config.diag.SourceLocation;

/** A host, fully resolved: templates applied, groups expanded, defaults filled in. */
public record Host(String name, String displayName, String alias, String address, List<String> parents,
                   List<String> hostgroups, CheckSettings check, FlapSettings flap, NotificationSettings notification,
                   Options stalking, Links links, Retention retention, int importance,
                   Map<String, String> customVariables, SourceLocation location) {

    public Host {
        parents = List.copyOf(parents);
        hostgroups = List.copyOf(hostgroups);
        customVariables = CustomVariables.copyOf(customVariables);
    }
}
