package org.vigil.checks.macro;

import java.util.Map;
import org.vigil.config.model.Contact;
import org.vigil.config.model.ContactGroup;
import org.vigil.config.model.Host;
import org.vigil.config.model.HostGroup;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceGroup;

/**
 * Custom variable macros: {@code $_HOSTRACK$}, {@code $_SERVICESLA$}, {@code $_CONTACTX$}, with the same on-demand
 * arguments as the standard macros of their object. Nagios 4.4.6 keeps the text of a variable the object does not
 * have ({@code $_HOSTNOPE$} stays as is; observed), so a missing variable is an error here too; and it strips
 * illegal characters from their values like output macros ({@code a'b"c<d>e} gives {@code abcde}; observed).
 */
final class CustomMacros {

    private CustomMacros() {
    }

    static String value(ObjectLookup objects, MacroContext ctx, MacroToken t) {
        String n = t.name();
        if (n.startsWith("_HOST")) {
            return host(objects, ctx, t, n.substring(5));
        }
        if (n.startsWith("_SERVICE")) {
            return service(objects, ctx, t, n.substring(8));
        }
        if (n.startsWith("_CONTACT")) {
            return contact(objects, ctx, t, n.substring(8));
        }
        return null;
    }

    private static String host(ObjectLookup objects, MacroContext ctx, MacroToken t, String var) {
        if (t.arg2() != null) {
            HostGroup g = objects.model().hostGroups().get(t.arg1());
            return g == null ? null : MacroValues.join(g.members(), t.arg2(), h -> var(objects.host(h), var));
        }
        return var(objects.host(t.arg1() != null ? t.arg1() : ctx.hostName()), var);
    }

    private static String var(Host h, String var) {
        return h == null ? null : lookup(h.customVariables(), var);
    }

    private static String service(ObjectLookup objects, MacroContext ctx, MacroToken t, String var) {
        Service s;
        if (t.arg1() == null) {
            s = ctx.service() == null ? null : objects.model().services().get(ctx.service());
        } else if (t.arg2() == null) {
            s = objects.service(ctx.hostName(), t.arg1());
        } else {
            s = objects.service(t.arg1().isEmpty() ? ctx.hostName() : t.arg1(), t.arg2());
            if (s == null) {
                ServiceGroup g = objects.model().serviceGroups().get(t.arg1());
                return g == null ? null : MacroValues.join(g.members(), t.arg2(), k -> {
                    Service m = objects.model().services().get(k);
                    return m == null ? null : lookup(m.customVariables(), var);
                });
            }
        }
        return s == null ? null : lookup(s.customVariables(), var);
    }

    private static String contact(ObjectLookup objects, MacroContext ctx, MacroToken t, String var) {
        if (t.arg2() != null) {
            ContactGroup g = objects.model().contactGroups().get(t.arg1());
            return g == null ? null : MacroValues.join(g.members(), t.arg2(), c -> {
                Contact m = objects.model().contacts().get(c);
                return m == null ? null : lookup(m.customVariables(), var);
            });
        }
        String name = t.arg1() != null ? t.arg1() : ctx.contactName();
        Contact c = name == null ? null : objects.model().contacts().get(name);
        return c == null ? null : lookup(c.customVariables(), var);
    }

    private static String lookup(Map<String, String> vars, String name) {
        return vars.get(name);
    }
}
