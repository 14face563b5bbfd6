package org.vigil.config.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.timeperiod.TimeperiodDirective;
import org.vigil.config.timeperiod.TimeperiodRules;

/**
 * One object definition on its way through resolution. Mutable, and owned by one load.
 *
 * <p>Only templates are flattened; an ordinary object keeps just its own lines and looks inherited values
 * up in its templates on demand. A config of 100,000 services built from a few templates then holds a
 * few attributes per service instead of every inherited one.
 */
public final class Definition {

    final ObjectType type;
    final SourceLocation location;
    /** Attributes written in this definition (or set by a later stage), by canonical name. */
    final OwnAttributes own = new OwnAttributes();
    final List<TimeperiodDirective> ranges = new ArrayList<>();
    String templateName;
    final List<String> uses = new ArrayList<>(2);
    SourceLocation useLocation;
    boolean register = true;
    /** A service whose own check_command was written {@code !command}: as a template, it wins over the user's. */
    boolean importantCheckCommand;
    TimeperiodRules rules;

    /** The resolved templates, in {@code use} order: the first that has an attribute gives it. */
    final List<Definition> templates = new ArrayList<>(2);
    /** For templates only: every attribute after inheritance, additive marks still in place. */
    Map<String, Attr> flat;
    /** A template's custom variable names, made once; volatile: read by the parallel stages. */
    private volatile Set<String> customKeys;
    private volatile Set<String> inheritedCustomKeys;
    /** For templates: the custom variables (unmodifiable) of an object that takes all of its from this one alone. */
    volatile Map<String, String> inheritedCustomVariables;

    /** 0: not resolved, 1: being resolved (a cycle if met again), 2: resolved. */
    int state;

    Definition(ObjectType type, SourceLocation location) {
        this.type = type;
        this.location = location;
    }

    public ObjectType type() {
        return type;
    }

    public SourceLocation location() {
        return location;
    }

    public boolean registered() {
        return register;
    }

    /** The resolved value of {@code key}, or null when unset or set to {@code null}. */
    public String get(String key) {
        Attr a = attr(key);
        return a == null ? null : a.value();
    }

    /** The resolved attribute, with a leftover {@code +} removed as Nagios does at the end. */
    public Attr attr(String key) {
        Attr a = raw(key);
        if (a != null && TemplateResolver.isAdditive(key, a) && TemplateResolver.stripsAdditiveMark(key)) {
            return new Attr(a.value().substring(1), a.location());
        }
        return a;
    }

    /** The attribute after inheritance, before the final removal of {@code +} marks. */
    Attr raw(String key) {
        if (flat != null) {
            return flat.get(key);
        }
        return TemplateResolver.inherited(this, key);
    }

    /** True when the attribute was given a value, even {@code null}, here or by a template. */
    public boolean has(String key) {
        return raw(key) != null;
    }

    /** Where to point at for {@code key}: the value's line, or the definition's when unset. */
    public SourceLocation where(String key) {
        Attr a = raw(key);
        return a == null ? location : a.location();
    }

    /** Every attribute name set here or inherited. */
    public Set<String> keys() {
        if (flat != null) {
            return flat.keySet();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < own.size(); i++) {
            keys.add(own.key(i));
        }
        for (Definition t : templates) {
            keys.addAll(t.flat.keySet());
        }
        return keys;
    }

    /**
     * The names of custom variables ({@code _NAME}) set here or inherited, in Nagios's order: this
     * definition's own as written, then each template's (in {@code use} order) that are not set yet, in the
     * order {@link #customKeysAsInherited()} gives. Cheap for the common none.
     */
    public Set<String> customKeys() {
        Set<String> known = customKeys;
        if (known == null) {
            known = ownThenInheritedCustomKeys();
            if (flat != null) {
                customKeys = known; // a template: asked again by every object using it
            }
        }
        return known;
    }

    private Set<String> ownThenInheritedCustomKeys() {
        if (!hasOwnCustomKeys()) {
            if (templates.isEmpty()) {
                return Set.of();
            }
            if (templates.size() == 1) {
                return templates.get(0).customKeysAsInherited(); // the common case, without a set per object
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < own.size(); i++) {
            if (own.key(i).startsWith("_")) {
                keys.add(own.key(i));
            }
        }
        for (Definition t : templates) {
            keys.addAll(t.customKeysAsInherited());
        }
        return keys.isEmpty() ? Set.of() : keys;
    }

    /**
     * This template's custom variables in the order an object using it takes them: reversed, because
     * Nagios's xodtemplate keeps an object's custom variables in a list it adds to at the front, copies the
     * missing ones from a template's list in that list's order, and reverses the whole once more when it
     * registers the object (seen in nagios4 -vp's precache: own as written, then a template's last first).
     */
    Set<String> customKeysAsInherited() {
        Set<String> known = inheritedCustomKeys;
        if (known == null) {
            java.util.List<String> order = new java.util.ArrayList<>(customKeys());
            java.util.Collections.reverse(order);
            known = order.isEmpty() ? Set.of() : new LinkedHashSet<>(order);
            inheritedCustomKeys = known;
        }
        return known;
    }

    /**
     * The one template this object takes all its custom variables from, when it sets none of its own and uses one
     * template; else null. Only for ordinary objects (a template's own are flattened in).
     */
    Definition soleSourceOfCustomVariables() {
        return flat == null && templates.size() == 1 && !hasOwnCustomKeys() ? templates.get(0) : null;
    }

    private boolean hasOwnCustomKeys() {
        for (int i = 0; i < own.size(); i++) {
            if (own.key(i).startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    public TimeperiodRules rules() {
        return rules;
    }

    public void set(String key, String value, SourceLocation where) {
        Attr a = new Attr(value, where);
        own.put(key, a);
        if (flat != null) {
            flat.put(key, a);
            customKeys = null;
            inheritedCustomVariables = null;
        }
    }

    void set(String key, Attr a) {
        own.put(key, a);
        if (flat != null) {
            flat.put(key, a);
        }
    }

    /** A copy for one member of a multi-host definition (a service on {@code host_name a,b}). */
    Definition copy() {
        Definition d = new Definition(type, location);
        d.own.putAll(own);
        d.ranges.addAll(ranges);
        d.templateName = templateName;
        d.register = register;
        d.importantCheckCommand = importantCheckCommand;
        d.rules = rules;
        d.state = state;
        d.templates.addAll(templates);
        if (flat != null) {
            d.flat = new LinkedHashMap<>(flat);
        }
        return d;
    }
}
