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
        // the descriptions tested in parallel; the few bad ones reported in order, a definition on several hosts once
        List<Definition> all = services instanceof ExpandedServices e ? e.definitionList()
                : new java.util.ArrayList<>(services.values());
        boolean[] bad = new boolean[all.size()];
        ParallelChunks.run(all.size(), diags, (from, to, found) -> {
            for (int i = from; i < to; i++) {
                bad[i] = illegalIndex(all.get(i).get("service_description")) >= 0;
            }
        });
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < bad.length; i++) {
            Definition s = all.get(i);
            if (bad[i] && reported.add(s.where("service_description") + "\0" + s.get("service_description"))) {
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
