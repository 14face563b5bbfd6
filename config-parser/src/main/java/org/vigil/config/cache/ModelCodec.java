package org.vigil.config.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.vigil.config.diag.Diagnostic;
import org.vigil.config.diag.Severity;
import org.vigil.config.diag.SourceLocation;
import org.vigil.config.model.CheckSettings;
import org.vigil.config.model.Command;
import org.vigil.config.model.Contact;
import org.vigil.config.model.ContactGroup;
import org.vigil.config.model.Dependency;
import org.vigil.config.model.Escalation;
import org.vigil.config.model.FlapSettings;
import org.vigil.config.model.Host;
import org.vigil.config.model.HostGroup;
import org.vigil.config.model.Links;
import org.vigil.config.model.NotificationSettings;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Options;
import org.vigil.config.model.Retention;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceGroup;
import org.vigil.config.model.ServiceKey;
import org.vigil.config.model.Timeperiod;

/**
 * Writes the resolved object model, field by field, and reads it back equal ({@link ObjectModel#equals}), with
 * the diagnostics of the load that resolved it. Each record is written in the order of its components; a change to
 * a model record changes {@link ObjectsCache#FORMAT} (and the jar, which the cache also compares).
 */
final class ModelCodec {

    private ModelCodec() {
    }

    static void write(CacheOut out, ObjectModel m, List<Diagnostic> diagnostics) {
        list(out, diagnostics, ModelCodec::diagnostic);
        map(out, m.timeperiods(), CacheOut::str, TimeperiodCodec::write);
        map(out, m.commands(), CacheOut::str, (o, c) -> {
            o.str(c.name());
            o.str(c.line());
            location(o, c.location());
        });
        map(out, m.contacts(), CacheOut::str, ModelCodec::contact);
        map(out, m.contactGroups(), CacheOut::str, (o, g) -> {
            o.str(g.name());
            o.str(g.alias());
            o.strs(g.members());
            location(o, g.location());
        });
        map(out, m.hosts(), CacheOut::str, ModelCodec::host);
        map(out, m.hostGroups(), CacheOut::str, (o, g) -> {
            o.str(g.name());
            o.str(g.alias());
            o.strs(g.members());
            links(o, g.links());
            location(o, g.location());
        });
        map(out, m.services(), ModelCodec::key, ModelCodec::service);
        map(out, m.serviceGroups(), CacheOut::str, (o, g) -> {
            o.str(g.name());
            o.str(g.alias());
            list(o, g.members(), ModelCodec::key);
            links(o, g.links());
            location(o, g.location());
        });
        list(out, m.hostDependencies(), ModelCodec::dependency);
        list(out, m.serviceDependencies(), ModelCodec::dependency);
        list(out, m.hostEscalations(), ModelCodec::escalation);
        list(out, m.serviceEscalations(), ModelCodec::escalation);
    }

    /** The diagnostics and the model, in that order, as {@link #write} wrote them. */
    record Read(List<Diagnostic> diagnostics, ObjectModel model) {
    }

    static Read read(CacheIn in) {
        List<Diagnostic> diagnostics = list(in, ModelCodec::diagnostic);
        Map<String, Timeperiod> timeperiods = map(in, CacheIn::name, TimeperiodCodec::read);
        Map<String, Command> commands = map(in, CacheIn::name, i -> new Command(i.str(), i.str(), location(i)));
        Map<String, Contact> contacts = map(in, CacheIn::name, ModelCodec::contact);
        Map<String, ContactGroup> contactGroups = map(in, CacheIn::name,
                i -> new ContactGroup(i.str(), i.str(), i.strs(), location(i)));
        Map<String, Host> hosts = map(in, CacheIn::name, ModelCodec::host);
        Map<String, HostGroup> hostGroups = map(in, CacheIn::name,
                i -> new HostGroup(i.str(), i.str(), i.strs(), links(i), location(i)));
        Map<ServiceKey, Service> services = map(in, ModelCodec::key, ModelCodec::service);
        Map<String, ServiceGroup> serviceGroups = map(in, CacheIn::name,
                i -> new ServiceGroup(i.str(), i.str(), list(i, ModelCodec::key), links(i), location(i)));
        List<Dependency> hostDependencies = list(in, ModelCodec::dependency);
        List<Dependency> serviceDependencies = list(in, ModelCodec::dependency);
        List<Escalation> hostEscalations = list(in, ModelCodec::escalation);
        List<Escalation> serviceEscalations = list(in, ModelCodec::escalation);
        return new Read(diagnostics, new ObjectModel(timeperiods, commands, contacts, contactGroups, hosts, hostGroups,
                services, serviceGroups, hostDependencies, serviceDependencies, hostEscalations, serviceEscalations));
    }

    // --- collections

    static <T> void list(CacheOut out, List<T> list, BiConsumer<CacheOut, T> each) {
        out.uint(list.size());
        for (T t : list) {
            each.accept(out, t);
        }
    }

    static <T> List<T> list(CacheIn in, Function<CacheIn, T> each) {
        int n = in.count();
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(each.apply(in));
        }
        return list;
    }

    private static <K, V> void map(CacheOut out, Map<K, V> map, BiConsumer<CacheOut, K> key,
                                   BiConsumer<CacheOut, V> value) {
        out.uint(map.size());
        for (Map.Entry<K, V> e : map.entrySet()) {
            key.accept(out, e.getKey());
            value.accept(out, e.getValue());
        }
    }

    private static <K, V> Map<K, V> map(CacheIn in, Function<CacheIn, K> key, Function<CacheIn, V> value) {
        int n = in.count();
        Map<K, V> map = new LinkedHashMap<>(n * 4 / 3 + 1);
        for (int i = 0; i < n; i++) {
            K k = key.apply(in);
            if (map.put(k, value.apply(in)) != null) {
                throw new CacheFormatException("the object " + k + " twice");
            }
        }
        return map;
    }

    // --- shared parts

    private static void diagnostic(CacheOut out, Diagnostic d) {
        out.bool(d.severity() == Severity.ERROR);
        location(out, d.location());
        out.str(d.message());
    }

    private static Diagnostic diagnostic(CacheIn in) {
        Severity severity = in.bool() ? Severity.ERROR : Severity.WARNING;
        return new Diagnostic(severity, location(in), in.name());
    }

    static void location(CacheOut out, SourceLocation l) {
        out.str(l.file() == null ? null : l.file().toString());
        out.sint(l.line());
    }

    static SourceLocation location(CacheIn in) {
        java.nio.file.Path file = in.path();
        int line = in.sint();
        return file == null && line == 0 ? SourceLocation.NONE : new SourceLocation(file, line);
    }

    private static void key(CacheOut out, ServiceKey k) {
        out.str(k.hostName());
        out.str(k.description());
    }

    private static ServiceKey key(CacheIn in) {
        return new ServiceKey(in.name(), in.name());
    }

    private static void options(CacheOut out, Options o) {
        out.sint(o.mask());
    }

    private static Options options(CacheIn in) {
        int mask = in.sint();
        return mask == 0 ? Options.NONE : new Options(mask);
    }

    private static void links(CacheOut out, Links l) {
        out.bool(l.equals(Links.NONE));
        if (!l.equals(Links.NONE)) {
            out.strs(java.util.Arrays.asList(l.notes(), l.notesUrl(), l.actionUrl(), l.iconImage(), l.iconImageAlt(),
                    l.vrmlImage(), l.statusmapImage(), l.coords2d(), l.coords3d()));
        }
    }

    private static Links links(CacheIn in) {
        if (in.bool()) {
            return Links.NONE;
        }
        List<String> s = in.strs();
        if (s.size() != 9) {
            throw new CacheFormatException("links with " + s.size() + " values");
        }
        return new Links(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4), s.get(5), s.get(6), s.get(7), s.get(8));
    }

    private static void retention(CacheOut out, Retention r) {
        out.bool(r.statusInformation());
        out.bool(r.nonStatusInformation());
    }

    private static Retention retention(CacheIn in) {
        return new Retention(in.bool(), in.bool());
    }

    private static void check(CacheOut out, CheckSettings c) {
        out.str(c.checkCommand());
        out.str(c.checkPeriod());
        out.uint(c.initialState());
        out.sint(c.maxCheckAttempts());
        out.dbl(c.checkInterval());
        out.dbl(c.retryInterval());
        out.bool(c.activeChecksEnabled());
        out.bool(c.passiveChecksEnabled());
        out.bool(c.obsess());
        out.bool(c.checkFreshness());
        out.sint(c.freshnessThreshold());
        out.str(c.eventHandler());
        out.bool(c.eventHandlerEnabled());
        out.bool(c.processPerfData());
    }

    private static CheckSettings check(CacheIn in) {
        return new CheckSettings(in.str(), in.str(), (char) in.uint(), in.sint(), in.dbl(), in.dbl(), in.bool(),
                in.bool(), in.bool(), in.bool(), in.sint(), in.str(), in.bool(), in.bool());
    }

    private static void flap(CacheOut out, FlapSettings f) {
        out.bool(f.enabled());
        out.dbl(f.lowThreshold());
        out.dbl(f.highThreshold());
        options(out, f.options());
    }

    private static FlapSettings flap(CacheIn in) {
        return new FlapSettings(in.bool(), in.dbl(), in.dbl(), options(in));
    }

    private static void notification(CacheOut out, NotificationSettings n) {
        out.strs(n.contacts());
        out.strs(n.contactGroups());
        out.str(n.period());
        options(out, n.options());
        out.bool(n.enabled());
        out.dbl(n.interval());
        out.dbl(n.firstDelay());
    }

    private static NotificationSettings notification(CacheIn in) {
        return new NotificationSettings(in.strs(), in.strs(), in.str(), options(in), in.bool(), in.dbl(), in.dbl());
    }

    // --- objects

    private static void host(CacheOut out, Host h) {
        out.str(h.name());
        out.str(h.displayName());
        out.str(h.alias());
        out.str(h.address());
        out.strs(h.parents());
        out.strs(h.hostgroups());
        check(out, h.check());
        flap(out, h.flap());
        notification(out, h.notification());
        options(out, h.stalking());
        links(out, h.links());
        retention(out, h.retention());
        out.sint(h.importance());
        out.strMap(h.customVariables());
        location(out, h.location());
    }

    private static Host host(CacheIn in) {
        return new Host(in.str(), in.str(), in.str(), in.str(), in.strs(), in.strs(), check(in), flap(in),
                notification(in), options(in), links(in), retention(in), in.sint(), in.strMap(), location(in));
    }

    private static void service(CacheOut out, Service s) {
        key(out, s.key());
        out.str(s.displayName());
        list(out, s.parents(), ModelCodec::key);
        out.strs(s.servicegroups());
        check(out, s.check());
        out.bool(s.isVolatile());
        out.bool(s.parallelize());
        flap(out, s.flap());
        notification(out, s.notification());
        options(out, s.stalking());
        links(out, s.links());
        retention(out, s.retention());
        out.sint(s.importance());
        out.strMap(s.customVariables());
        location(out, s.location());
    }

    private static Service service(CacheIn in) {
        return new Service(key(in), in.str(), list(in, ModelCodec::key), in.strs(), check(in), in.bool(), in.bool(),
                flap(in), notification(in), options(in), links(in), retention(in), in.sint(), in.strMap(),
                location(in));
    }

    private static void contact(CacheOut out, Contact c) {
        out.str(c.name());
        out.str(c.alias());
        out.str(c.email());
        out.str(c.pager());
        out.strs(c.addresses());
        contactNotifications(out, c.host());
        contactNotifications(out, c.service());
        out.bool(c.canSubmitCommands());
        retention(out, c.retention());
        out.sint(c.minimumImportance());
        out.strMap(c.customVariables());
        location(out, c.location());
    }

    private static Contact contact(CacheIn in) {
        return new Contact(in.str(), in.str(), in.str(), in.str(), in.strs(), contactNotifications(in),
                contactNotifications(in), in.bool(), retention(in), in.sint(), in.strMap(), location(in));
    }

    private static void contactNotifications(CacheOut out, Contact.ContactNotifications n) {
        out.str(n.period());
        out.strs(n.commands());
        options(out, n.options());
        out.bool(n.enabled());
    }

    private static Contact.ContactNotifications contactNotifications(CacheIn in) {
        return new Contact.ContactNotifications(in.str(), in.strs(), options(in), in.bool());
    }

    private static void dependency(CacheOut out, Dependency d) {
        out.uint(d.kind().ordinal());
        out.str(d.hostName());
        out.str(d.serviceDescription());
        out.str(d.dependentHostName());
        out.str(d.dependentServiceDescription());
        out.str(d.period());
        out.bool(d.inheritsParent());
        options(out, d.failureOptions());
        location(out, d.location());
    }

    private static Dependency dependency(CacheIn in) {
        return new Dependency(enumOf(Dependency.Kind.values(), in.uint()), in.str(), in.str(), in.str(), in.str(),
                in.str(), in.bool(), options(in), location(in));
    }

    private static void escalation(CacheOut out, Escalation e) {
        out.str(e.hostName());
        out.str(e.serviceDescription());
        out.sint(e.firstNotification());
        out.sint(e.lastNotification());
        out.dbl(e.notificationInterval());
        out.str(e.period());
        options(out, e.options());
        out.strs(e.contacts());
        out.strs(e.contactGroups());
        location(out, e.location());
    }

    private static Escalation escalation(CacheIn in) {
        return new Escalation(in.str(), in.str(), in.sint(), in.sint(), in.dbl(), in.str(), options(in), in.strs(),
                in.strs(), location(in));
    }

    static <E extends Enum<E>> E enumOf(E[] values, int ordinal) {
        if (ordinal >= values.length) {
            throw new CacheFormatException("value #" + ordinal + " of "
                    + values[0].getDeclaringClass().getSimpleName());
        }
        return values[ordinal];
    }
}
