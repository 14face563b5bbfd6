package org.vigil.worker.dispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.checks.exec.CheckSubject;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;

/**
 * Which gearmand queue a host's or service's check, event handler and notification goes to, by mod_gearman 5's
 * {@code set_target_queue} ({@code neb_module_naemon/mod_gearman.c}), first rule that matches wins:
 * <ol>
 * <li>the {@code queue_custom_variable} on the service, else on its host: its value is the queue, {@code local}
 * (or an empty value) runs it here;</li>
 * <li>services in a {@code localservicegroups} group, then hosts and their services in a {@code localhostgroups}
 * group, run here;</li>
 * <li>services in a {@code servicegroups} group go to {@code servicegroup_NAME}, then hosts and their services in a
 * {@code hostgroups} group to {@code hostgroup_NAME}: the first group <em>in the settings' order</em> the object is a
 * member of, not the object's own order; a service follows its host's hostgroups;</li>
 * <li>else {@code service} when {@code services=yes}, {@code host} when {@code hosts=yes}; else here.</li>
 * </ol>
 * Host checks are routed only with {@code do_hostchecks=yes}. Every object's queue is worked out once, here: a look-up
 * is one map read, whatever the number of groups.
 */
public final class QueueRouter {

    static final String HOST = "host";
    static final String SERVICE = "service";
    static final String EVENTHANDLER = "eventhandler";
    static final String NOTIFICATION = "notification";
    /** The custom variable value that keeps an object on the central node. */
    static final String LOCAL = "local";

    private final DispatchSettings settings;
    /** set_target_queue's answer per object, "" for one that runs here. */
    private final Map<String, String> hostTargets;
    private final Map<ServiceKey, String> serviceTargets;
    private final List<String> warnings;

    private QueueRouter(DispatchSettings settings, Map<String, String> hostTargets,
            Map<ServiceKey, String> serviceTargets, List<String> warnings) {
        this.settings = settings;
        this.hostTargets = hostTargets;
        this.serviceTargets = serviceTargets;
        this.warnings = List.copyOf(warnings);
    }

    /** The routes of every host and service of {@code model}. */
    public static QueueRouter of(ObjectModel model, DispatchSettings settings) {
        Groups groups = new Groups(model, settings);
        Optional<String> variable = settings.queueCustomVariable().filter(v -> !v.isEmpty())
                .map(v -> v.toUpperCase(Locale.ROOT)); // mod_gearman upper-cases it as Nagios does variable names
        Map<String, String> hosts = new HashMap<>(model.hosts().size() * 4 / 3 + 1);
        for (Host h : model.hosts().values()) {
            put(hosts, h.name(), target(groups, variable, h, null));
        }
        Map<ServiceKey, String> services = new HashMap<>(model.services().size() * 4 / 3 + 1);
        for (Service s : model.services().values()) {
            Host h = model.hosts().get(s.hostName());
            if (h != null) {
                put(services, s.key(), target(groups, variable, h, s));
            }
        }
        return new QueueRouter(settings, hosts, services, groups.warnings());
    }

    private static <K> void put(Map<K, String> map, K key, String target) {
        map.put(key, target.intern()); // a few distinct queue names shared by every object
    }

    /** set_target_queue: the queue, or "" for here; {@code s} null for the host itself. */
    private static String target(Groups groups, Optional<String> variable, Host h, Service s) {
        if (variable.isPresent()) {
            String value = s == null ? null : s.customVariables().get(variable.get());
            if (value == null) {
                value = h.customVariables().get(variable.get());
            }
            if (value != null) {
                return value.equals(LOCAL) ? "" : value;
            }
        }
        return groups.target(h.name(), s == null ? null : s.key());
    }

    /** The queue of this host or service check; empty when it runs on the central node. */
    public Optional<String> queueFor(CheckSubject subject) {
        if (subject.isHost() && !settings.doHostchecks()) {
            return Optional.empty();
        }
        return target(subject);
    }

    /**
     * The queue of this object's event handler ({@code handle_eventhandler}): none with {@code eventhandler=no} or
     * when the object's checks run here (even with {@code do_hostchecks=no}, which only concerns checks); else
     * {@code eventhandler}, or with {@code route_eventhandler_like_checks=yes} the object's own group or custom
     * queue (its {@code host} or {@code service} queue still becomes {@code eventhandler}).
     */
    public Optional<String> eventHandlerQueueFor(CheckSubject subject) {
        if (!settings.eventhandler()) {
            return Optional.empty();
        }
        return target(subject).map(queue -> !settings.routeEventhandlerLikeChecks() || queue.equals(HOST)
                || queue.equals(SERVICE) ? EVENTHANDLER : queue);
    }

    /**
     * The queue of a notification about this object ({@code handle_notifications}): {@code notification} with
     * {@code notifications=yes} when the object's checks go to a queue, empty when they run here.
     */
    public Optional<String> notificationQueueFor(CheckSubject subject) {
        if (!settings.notifications()) {
            return Optional.empty();
        }
        return target(subject).map(queue -> NOTIFICATION);
    }

    /**
     * mod_gearman's start-up warnings for groups in the settings that the configuration does not define, one line
     * each, in its order: local servicegroups, local hostgroups, servicegroups, hostgroups.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** set_target_queue's answer; an object the configuration does not have is a caller's mistake. */
    private Optional<String> target(CheckSubject subject) {
        String queue = subject.isHost() ? hostTargets.get(subject.hostName())
                : serviceTargets.get(new ServiceKey(subject.hostName(), subject.serviceDescription().get()));
        if (queue == null) {
            throw new IllegalArgumentException("no " + (subject.isHost() ? "host '" + subject.hostName() + "'"
                    : "service '" + subject.serviceDescription().get() + "' on host '" + subject.hostName() + "'")
                    + " in this configuration");
        }
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue);
    }
}
