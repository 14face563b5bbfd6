package org.vigil.config.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.timeperiod.TimeperiodDirective;
import org.vigil.config.timeperiod.TimeperiodRules;

/**
 * One object definition on its way through template resolution. Mutable, and owned by one load: the
 * stages after resolution only read it.
 */
public final class Definition {

    final ObjectType type;
    final SourceLocation location;
    /** Canonical attribute name (custom variables upper-cased, with their leading underscore) to value. */
    final Map<String, Attr> attrs = new LinkedHashMap<>();
    final List<TimeperiodDirective> ranges = new ArrayList<>();
    String templateName;
    final List<String> uses = new ArrayList<>();
    SourceLocation useLocation;
    boolean register = true;
    TimeperiodRules rules;

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
        Attr a = attrs.get(key);
        return a == null ? null : a.value();
    }

    public Attr attr(String key) {
        return attrs.get(key);
    }

    /** True when the attribute was given a value, even {@code null}, here or by a template. */
    public boolean has(String key) {
        return attrs.containsKey(key);
    }

    /** Where to point at for {@code key}: the value's line, or the definition's when unset. */
    public SourceLocation where(String key) {
        Attr a = attrs.get(key);
        return a == null ? location : a.location();
    }

    public Map<String, Attr> attrs() {
        return attrs;
    }

    public TimeperiodRules rules() {
        return rules;
    }

    public void set(String key, String value, SourceLocation where) {
        attrs.put(key, new Attr(value, where));
    }

    /** A copy for one member of a multi-host definition (a service on {@code host_name a,b}). */
    Definition copy() {
        Definition d = new Definition(type, location);
        d.attrs.putAll(attrs);
        d.ranges.addAll(ranges);
        d.templateName = templateName;
        d.register = register;
        d.rules = rules;
        d.state = state;
        return d;
    }
}
