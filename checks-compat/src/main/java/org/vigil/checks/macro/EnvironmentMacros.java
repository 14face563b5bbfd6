package org.vigil.checks.macro;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.config.model.Contact;
import org.vigil.config.model.Host;
import org.vigil.config.model.Service;

/**
 * The environment Nagios 4.4.6 gives a plugin when {@code enable_environment_macros=1} (macros.c
 * {@code macros_to_kvv}): {@code NAGIOS_<NAME>} for every standard macro, "" when it has no value here (observed:
 * {@code NAGIOS_CONTACTNAME=} during a host check); {@code NAGIOS_ARG1..32}; every custom variable of the host,
 * service and contact as {@code NAGIOS__HOSTRACK}, cleaned of illegal characters and left out when that leaves it
 * empty; and, with a contact, {@code NAGIOS_CONTACTADDRESS0..5} (0-based, unlike the macros). Standard values are
 * not cleaned. {@code use_large_installation_tweaks} drops the member lists and the {@code TOTAL...} counts.
 */
final class EnvironmentMacros {

    static final String PREFIX = "NAGIOS_";

    private EnvironmentMacros() {
    }

    static Map<String, String> build(MacroResolver resolver, MacroValues values, MacroContext ctx,
                                     boolean largeInstallation) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : StandardMacros.ALL.keySet()) {
            if (largeInstallation && (StandardMacros.LARGE_INSTALLATION_SKIPPED.contains(name)
                    || StandardMacros.isSummary(name))) {
                continue;
            }
            String v = resolver.valueOf(ctx, name);
            env.put(PREFIX + name, v == null ? "" : v);
        }
        for (int i = 1; i <= MacroResolver.MAX_ARGS; i++) {
            env.put(PREFIX + "ARG" + i, i <= ctx.args().size() ? ctx.args().get(i - 1) : "");
        }
        ObjectLookup objects = values.objects();
        Host h = objects.host(ctx.hostName());
        if (h != null) {
            custom(resolver, env, "_HOST", h.customVariables());
        }
        Service s = ctx.service() == null ? null : objects.model().services().get(ctx.service());
        if (s != null) {
            custom(resolver, env, "_SERVICE", s.customVariables());
        }
        Contact c = ctx.contactName() == null ? null : objects.model().contacts().get(ctx.contactName());
        if (c != null) {
            custom(resolver, env, "_CONTACT", c.customVariables());
            for (int i = 0; i < 6; i++) {
                String a = i < c.addresses().size() ? c.addresses().get(i) : null;
                env.put(PREFIX + "CONTACTADDRESS" + i, a == null ? "" : a);
            }
        }
        return env;
    }

    private static void custom(MacroResolver resolver, Map<String, String> env, String prefix,
                               Map<String, String> vars) {
        vars.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String v = resolver.clean(e.getValue() == null ? "" : e.getValue());
            if (!v.isEmpty()) {
                env.put(PREFIX + prefix + e.getKey(), v);
            }
        });
    }
}
