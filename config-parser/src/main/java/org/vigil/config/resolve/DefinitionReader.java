package org.vigil.config.resolve;

import org.vigil.config.diag.Suggest;
import java.util.List;
import java.util.Locale;
import org.vigil.config.diag.Diagnostics;
import org.vigil.config.lex.RawAttribute;
import org.vigil.config.lex.RawObject;
import org.vigil.config.timeperiod.TimeperiodDirective;

/** Stage 2 of loading: turns lexed blocks into definitions, checking each attribute name against its type. */
public final class DefinitionReader {

    private static final List<String> TIMEPERIOD_KEYS = List.of("timeperiod_name", "alias", "exclude");

    private final Diagnostics diags;

    public DefinitionReader(Diagnostics diags) {
        this.diags = diags;
    }

    /** The definition for {@code raw}, or null when its type is unknown (reported). */
    public Definition read(RawObject raw) {
        ObjectType type = ObjectType.byKeyword(raw.type()).orElse(null);
        if (type == null) {
            diags.error(raw.location(), "unknown object type '" + raw.type() + "' (expected one of "
                    + String.join(", ", ObjectType.keywords()) + Suggest.hint(raw.type(), ObjectType.keywords()) + ")");
            return null;
        }
        Definition d = new Definition(type, raw.location());
        List<RawAttribute> attributes = raw.attributes();
        d.own.expect(attributes.size());
        for (int i = 0; i < attributes.size(); i++) {
            attribute(d, attributes.get(i));
        }
        return d;
    }

    private void attribute(Definition d, RawAttribute a) {
        String key = a.key();
        String value = a.value();
        switch (key) {
            case "name" -> {
                d.templateName = value;
                return;
            }
            case "use" -> {
                d.uses.clear();
                // Nagios splits on commas without trimming: 'use a, b' names a template ' b', which is an error
                for (String u : value.split(",")) {
                    if (!u.isEmpty()) {
                        d.uses.add(u);
                    }
                }
                d.useLocation = a.location();
                return;
            }
            case "register" -> {
                d.register = !value.strip().equals("0");
                return;
            }
            default -> {
            }
        }
        if (d.type == ObjectType.TIMEPERIOD && !TIMEPERIOD_KEYS.contains(key)) {
            d.ranges.add(new TimeperiodDirective(key, value, a.location()));
            return;
        }
        if (key.startsWith("_") && d.type.hasCustomVariables()) {
            d.own.put(key.toUpperCase(Locale.ROOT), new Attr(value, a.location()));
            return;
        }
        String canonical = d.type.canonical(key);
        if (canonical == null) {
            if (ObjectType.isObsolete(key)) {
                diags.warning(a.location(), "'" + key + "' is obsolete in Nagios 4 and ignored");
            } else {
                diags.error(a.location(), "unknown " + d.type.keyword() + " attribute '" + key + "' (expected one of the "
                        + d.type.keyword() + " attributes" + Suggest.hint(key, d.type.attributes()) + ")");
            }
            return;
        }
        if (d.type == ObjectType.SERVICE && canonical.equals("check_command") && value.startsWith("!")) {
            // Nagios 4's "important" check command: the '!' is dropped, and a template so marked wins
            // over the check_command of the services that use it (see TemplateResolver)
            d.importantCheckCommand = true;
            value = value.substring(1);
        }
        // an empty value is accepted as Nagios accepts it; "null" is Nagios's way to set an attribute to nothing, which also stops inheritance
        d.own.put(canonical, new Attr(value.equals("null") ? null : value, a.location()));
    }
}
