package org.vigil.checks.macro;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.vigil.config.main.MainConfig;
import org.vigil.config.model.Contact;
import org.vigil.config.model.ContactGroup;
import org.vigil.config.model.Host;
import org.vigil.config.model.HostGroup;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceGroup;
import org.vigil.config.model.ServiceKey;

/**
 * Finds the value of one macro token, as Nagios's {@code grab_macro_value_r}: null means "not a macro here" (the
 * text is then kept with its dollars), "" an empty value. On-demand arguments pick another object; a group name and
 * a delimiter as arguments join the values of every member.
 */
final class MacroValues {

    /** A found value, and whether it may be stripped of illegal characters. */
    record Value(String text, boolean cleanable) {
    }

    private final ObjectLookup objects;
    private final MainConfig main;
    private final RuntimeMacros runtime;
    private final Clock clock;
    private final GroupMacros groups;
    private final Nested nested;
    private final TimeperiodMacros timeperiods;

    /** Expands the macros inside notes and URLs, as Nagios does when it reads those attributes. */
    interface Nested {
        String expand(MacroContext ctx, String text, boolean urlEncode);
    }

    MacroValues(ObjectLookup objects, MainConfig main, RuntimeMacros runtime, Clock clock, Nested nested) {
        this.objects = objects;
        this.main = main;
        this.runtime = runtime;
        this.clock = clock;
        this.nested = nested;
        this.groups = new GroupMacros(objects, nested);
        this.timeperiods = new TimeperiodMacros(objects.model(), main == null ? clock.getZone() : main.zone(), clock);
    }

    ObjectLookup objects() {
        return objects;
    }

    Value grab(MacroContext ctx, String text) {
        if (text.startsWith("ARG")) {
            int x = MacroToken.number(text, 3);
            return x <= 0 || x > 32 ? null : plain(x <= ctx.args().size() ? ctx.args().get(x - 1) : "");
        }
        if (text.startsWith("USER")) {
            int x = MacroToken.number(text, 4);
            return x <= 0 || x > 256 ? null : plain(main == null ? "" : main.userMacros().getOrDefault("USER" + x, ""));
        }
        MacroToken t = MacroToken.parse(text);
        MacroFamily family = StandardMacros.ALL.get(t.name());
        if (family != null) {
            String v = standard(ctx, family, t);
            return v == null ? null : new Value(v, StandardMacros.CLEANED.contains(t.name()));
        }
        if (t.name().startsWith("CONTACTADDRESS")) {
            return plainOrNull(contactAddress(ctx, t));
        }
        if (t.name().startsWith("_")) {
            // custom variables are cleaned like output macros (observed: a'b"c<d>e gives abcde)
            String v = CustomMacros.value(objects, ctx, t);
            return v == null ? null : new Value(v, true);
        }
        return null;
    }

    private static Value plain(String s) {
        return new Value(s, false);
    }

    private static Value plainOrNull(String s) {
        return s == null ? null : plain(s);
    }

    /** The value of a standard macro, or null when Nagios reports it as an error (unknown object, no context). */
    String standard(MacroContext ctx, MacroFamily family, MacroToken t) {
        if (t.arg1() == null && ctx.extra().containsKey(t.name())) {
            return ctx.extra().get(t.name());
        }
        return switch (family) {
            case HOST -> hostMacro(ctx, t);
            case SERVICE -> serviceMacro(ctx, t);
            case HOSTGROUP -> groups.hostGroup(ctx, t);
            case SERVICEGROUP -> groups.serviceGroup(ctx, t);
            case CONTACT -> contactMacro(ctx, t);
            case CONTACTGROUP -> groups.contactGroup(ctx, t);
            case CONFIG -> ConfigMacros.value(main, t.name());
            case PROCESS -> orEmpty(runtime.global(t.name()));
            case DATETIME -> MacroFormats.date(t.name(), clock.instant(), clock.getZone(), dateFormat());
            case TIMEPERIOD -> timeperiods.value(t);
            case NOTIFICATION -> "";
        };
    }

    /** As observed: {@code website_url not set} stands in when nagios.cfg has no website_url. */
    private String websiteUrl() {
        return main == null ? "website_url not set" : main.value("website_url", "website_url not set");
    }

    private String dateFormat() {
        return main == null ? "us" : main.value("date_format", "us");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private String hostMacro(MacroContext ctx, MacroToken t) {
        if (t.arg2() != null) {
            HostGroup g = objects.model().hostGroups().get(t.arg1());
            return g == null ? null : join(g.members(), t.arg2(), h -> hostValue(ctx, objects.host(h), t.name()));
        }
        Host h = objects.host(t.arg1() != null ? t.arg1() : ctx.hostName());
        return h == null ? null : hostValue(ctx, h, t.name());
    }

    String hostValue(MacroContext ctx, Host h, String name) {
        return switch (name) {
            case "HOSTNAME" -> h.name();
            case "HOSTDISPLAYNAME" -> h.displayName() != null ? h.displayName() : h.name();
            case "HOSTALIAS" -> h.alias() != null ? h.alias() : h.name();
            case "HOSTADDRESS" -> h.address() != null ? h.address() : h.name();
            case "MAXHOSTATTEMPTS" -> Integer.toString(h.check().maxCheckAttempts());
            case "HOSTCHECKCOMMAND" -> orEmpty(h.check().checkCommand());
            case "HOSTGROUPNAMES" -> String.join(",", ObjectLookup.nagiosOrder(h.hostgroups()));
            case "HOSTNOTES" -> nestedOrEmpty(ctx, h.links().notes(), false);
            case "HOSTNOTESURL" -> nestedOrEmpty(ctx, h.links().notesUrl(), true);
            case "HOSTACTIONURL" -> nestedOrEmpty(ctx, h.links().actionUrl(), true);
            case "HOSTIMPORTANCE" -> Integer.toString(h.importance());
            case "HOSTNOTIFICATIONPERIOD" -> orEmpty(h.notification().period());
            case "TOTALHOSTSERVICES" -> Integer.toString(objects.serviceCount(h.name()));
            case "HOSTINFOURL" -> websiteUrl() + "/cgi-bin/extinfo.cgi?type=1&host=" + MacroText.urlEncode(h.name());
            default -> orEmpty(runtime.host(h.name(), name));
        };
    }

    private String serviceMacro(MacroContext ctx, MacroToken t) {
        Service s;
        if (t.arg1() == null) {
            s = ctx.service() == null ? null : objects.model().services().get(ctx.service());
        } else if (t.arg2() == null) {
            s = objects.service(ctx.hostName(), t.arg1());
        } else if (t.arg1().isEmpty()) {
            // an empty host means the current host; an unknown service there expands to "" in 4.4.6 (observed)
            Service here = objects.service(ctx.hostName(), t.arg2());
            return ctx.hostName() == null ? null : here == null ? "" : serviceValue(ctx, here, t.name());
        } else {
            s = objects.service(t.arg1(), t.arg2());
            if (s == null) {
                ServiceGroup g = objects.model().serviceGroups().get(t.arg1());
                return g == null ? null : join(g.members(), t.arg2(),
                        k -> serviceValue(ctx, objects.model().services().get(k), t.name()));
            }
        }
        return s == null ? null : serviceValue(ctx, s, t.name());
    }

    String serviceValue(MacroContext ctx, Service s, String name) {
        if (s == null) {
            return null;
        }
        return switch (name) {
            case "SERVICEDESC" -> s.description();
            case "SERVICEDISPLAYNAME" -> s.displayName() != null ? s.displayName() : s.description();
            case "MAXSERVICEATTEMPTS" -> Integer.toString(s.check().maxCheckAttempts());
            case "SERVICEISVOLATILE" -> s.isVolatile() ? "1" : "0";
            case "SERVICECHECKCOMMAND" -> orEmpty(s.check().checkCommand());
            case "SERVICEGROUPNAMES" -> String.join(",", ObjectLookup.nagiosOrder(s.servicegroups()));
            case "SERVICENOTES" -> nestedOrEmpty(ctx, s.links().notes(), false);
            case "SERVICENOTESURL" -> nestedOrEmpty(ctx, s.links().notesUrl(), true);
            case "SERVICEACTIONURL" -> nestedOrEmpty(ctx, s.links().actionUrl(), true);
            case "SERVICEIMPORTANCE" -> Integer.toString(s.importance());
            case "SERVICENOTIFICATIONPERIOD" -> orEmpty(s.notification().period());
            case "SERVICEINFOURL" -> websiteUrl() + "/cgi-bin/extinfo.cgi?type=2&host="
                    + MacroText.urlEncode(s.hostName()) + "&service=" + MacroText.urlEncode(s.description());
            default -> orEmpty(runtime.service(s.key(), name));
        };
    }

    private String contactMacro(MacroContext ctx, MacroToken t) {
        if (t.arg2() != null) {
            ContactGroup g = objects.model().contactGroups().get(t.arg1());
            return g == null ? null : join(g.members(), t.arg2(),
                    c -> contactValue(objects.model().contacts().get(c), t.name()));
        }
        Contact c = objects.model().contacts().get(t.arg1() != null ? t.arg1() : orEmpty(ctx.contactName()));
        return c == null ? null : contactValue(c, t.name());
    }

    private String contactValue(Contact c, String name) {
        if (c == null) {
            return null;
        }
        return switch (name) {
            case "CONTACTNAME" -> c.name();
            case "CONTACTALIAS" -> c.alias() != null ? c.alias() : c.name();
            case "CONTACTEMAIL" -> orEmpty(c.email());
            case "CONTACTPAGER" -> orEmpty(c.pager());
            case "CONTACTGROUPNAMES" -> String.join(",", ObjectLookup.nagiosOrder(objects.contactGroupsOf(c.name())));
            default -> "";
        };
    }

    private String contactAddress(MacroContext ctx, MacroToken t) {
        int x = MacroToken.number(t.name(), "CONTACTADDRESS".length()) - 1;
        Contact c = objects.model().contacts().get(t.arg1() != null ? t.arg1() : orEmpty(ctx.contactName()));
        if (x < 0 || x >= 6 || c == null) {
            return null;
        }
        return x < c.addresses().size() ? orEmpty(c.addresses().get(x)) : "";
    }

    private String nestedOrEmpty(MacroContext ctx, String text, boolean url) {
        return text == null ? "" : nested.expand(ctx, text, url);
    }

    /** Nagios's "group:delimiter" form: the members' values joined, members without a value skipped. */
    static <T> String join(List<T> members, String delimiter, Function<T, String> value) {
        StringBuilder sb = null;
        for (T m : members) {
            String v = value.apply(m);
            if (v == null) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(v);
            } else {
                sb.append(delimiter).append(v);
            }
        }
        return sb == null ? "" : sb.toString();
    }
}
