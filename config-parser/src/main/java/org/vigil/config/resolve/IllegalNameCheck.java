package org.vigil.config.resolve;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.model.ServiceKey;

/**
 * {@code illegal_object_name_chars}: the names Nagios 4.4.6's pre-flight check tests against it (hosts, host
 * groups, service descriptions, service groups, contacts, contact groups, commands, time periods) must not
 * contain any of its characters. Nagios reports the object; Vigil the line of the name.
 */
final class IllegalNameCheck {

    private static final List<ObjectType> NAMED = List.of(ObjectType.HOST, ObjectType.HOSTGROUP,
            ObjectType.SERVICEGROUP, ObjectType.CONTACT, ObjectType.CONTACTGROUP, ObjectType.COMMAND,
            ObjectType.TIMEPERIOD);

    private final String illegal;
    private final Diagnostics diags;

    IllegalNameCheck(String illegal, Diagnostics diags) {
        this.illegal = illegal;
        this.diags = diags;
    }

    void check(Registry registry, Map<ServiceKey, Definition> services) {
        if (illegal == null || illegal.isEmpty()) {
            return;
        }
        for (ObjectType type : NAMED) {
            for (Definition d : registry.all(type)) {
                check(d, type.nameAttribute(), type.keyword() + " name");
            }
        }
        Set<String> reported = new HashSet<>();
        for (Definition s : services.values()) {
            // a definition on several hosts is reported once (looked up only for a bad name: most are good)
            String name = s.get("service_description");
            if (illegalIndex(name) >= 0 && reported.add(s.where("service_description") + "\0" + name)) {
                check(s, "service_description", "service description");
            }
        }
    }

    private int illegalIndex(String name) {
        if (name != null) {
            for (int i = 0; i < name.length(); i++) {
                if (illegal.indexOf(name.charAt(i)) >= 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private void check(Definition d, String key, String what) {
        String name = d.get(key);
        if (name == null) {
            return;
        }
        for (int i = 0; i < name.length(); i++) {
            if (illegal.indexOf(name.charAt(i)) >= 0) {
                diags.error(d.where(key), what + " '" + name + "' contains '" + name.charAt(i) + "', which"
                        + " illegal_object_name_chars forbids (expected a name without any of " + illegal + ")");
                return;
            }
        }
    }
}
