package org.vigil.checks.macro;

import java.util.List;
import java.util.Map;
import org.vigil.config.model.ServiceKey;

/**
 * What a macro expansion is for: the host (and service) being checked or notified about, the contact being
 * notified, the {@code $ARGn$} values, and extra values the caller knows ({@code NOTIFICATIONTYPE},
 * {@code NOTIFICATIONAUTHOR}...). Any of host, service and contact may be null.
 */
public record MacroContext(String hostName, ServiceKey service, String contactName, List<String> args,
                           Map<String, String> extra) {

    public MacroContext {
        if (service != null && hostName == null) {
            hostName = service.hostName();
        }
        args = List.copyOf(args);
        extra = Map.copyOf(extra);
    }

    public static MacroContext none() {
        return new MacroContext(null, null, null, List.of(), Map.of());
    }

    public static MacroContext host(String hostName) {
        return new MacroContext(hostName, null, null, List.of(), Map.of());
    }

    public static MacroContext service(ServiceKey key) {
        return new MacroContext(key.hostName(), key, null, List.of(), Map.of());
    }

    public MacroContext withContact(String contact) {
        return new MacroContext(hostName, service, contact, args, extra);
    }

    public MacroContext withArgs(List<String> newArgs) {
        return new MacroContext(hostName, service, contactName, newArgs, extra);
    }

    /** Adds caller-supplied values, e.g. {@code NOTIFICATIONTYPE=PROBLEM}; names without dollars. */
    public MacroContext withExtra(Map<String, String> values) {
        return new MacroContext(hostName, service, contactName, args, values);
    }
}
