package org.vigil.engine.command;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.downtime.DowntimeBook;
import org.vigil.engine.downtime.DowntimeRequest;

/**
 * The SCHEDULE_*_DOWNTIME and DEL_*_DOWNTIME commands, as Nagios's {@code cmd_schedule_downtime} and
 * {@code cmd_delete_downtime} carry them out: the objects a command names (a host's services, a group's members,
 * a host's children through {@code parents}), each given the same downtime. Engine thread only; arguments are
 * already checked by the parser.
 */
final class DowntimeCommands {

    private final Engine engine;
    private final Clock clock;
    private final EntryCaps caps;

    DowntimeCommands(Engine engine, Clock clock, EntryCaps caps) {
        this.engine = engine;
        this.clock = clock;
        this.caps = caps;
    }

    /**
     * Schedules the downtime for every object the command names; the reason if it could not be. A command that
     * would pass the {@link EntryLimits} is refused whole, before anything is scheduled.
     */
    Optional<String> schedule(ExternalCommand c) {
        List<String> a = c.args();
        int first = c.type() == CommandType.SCHEDULE_SVC_DOWNTIME ? 2 : 1;
        Instant now = clock.instant();
        List<CheckTarget> named = objects(c);
        if (named.isEmpty()) {
            return Optional.empty(); // an empty group: nothing to do, as in Nagios
        }
        CheckTarget anyTarget = named.get(0);
        DowntimeRequest template = new DowntimeRequest(anyTarget, c.submitted(), time(a.get(first)),
                time(a.get(first + 1)), a.get(first + 2).strip().equals("1"), number(a.get(first + 3)),
                number(a.get(first + 4)), a.get(first + 5), a.get(first + 6));
        DowntimeBook book = engine.downtimes();
        String problem = book.problem(template, now);
        if (problem != null) {
            return Optional.of(problem); // the times and trigger are the same for every object: all fail alike
        }
        boolean triggered = c.type() == CommandType.SCHEDULE_AND_PROPAGATE_TRIGGERED_HOST_DOWNTIME;
        if (triggered || c.type() == CommandType.SCHEDULE_AND_PROPAGATE_HOST_DOWNTIME) {
            return propagate(anyTarget, template, triggered, now);
        }
        Optional<String> full = caps.downtimeRoom(named, false);
        if (full.isPresent()) {
            return full;
        }
        for (CheckTarget t : named) {
            DowntimeBook.Scheduled s = book.schedule(template.forTarget(t, template.triggeredBy()), now);
            if (!s.ok()) {
                return Optional.of(s.problem());
            }
        }
        return Optional.empty();
    }

    /**
     * The host's downtime, then Nagios's {@code schedule_and_propagate_downtime} for its children: each child's
     * children first, then the child, each triggered by the host's downtime when {@code triggered}.
     */
    private Optional<String> propagate(CheckTarget host, DowntimeRequest template, boolean triggered, Instant now) {
        ChildHosts.Found children = new ChildHosts(engine.model()).below(host.hostName(), caps.downtimesLeft());
        List<CheckTarget> targets = new ArrayList<>(children.hosts().size() + 1);
        targets.add(host);
        children.hosts().forEach(h -> targets.add(host(h)));
        Optional<String> full = caps.downtimeRoom(targets, children.cut());
        if (full.isPresent()) {
            return full;
        }
        DowntimeBook.Scheduled parent = engine.downtimes().schedule(template, now);
        if (!parent.ok()) {
            return Optional.of(parent.problem());
        }
        long trigger = triggered ? parent.id() : 0;
        for (int i = 1; i < targets.size(); i++) {
            engine.downtimes().schedule(template.forTarget(targets.get(i), trigger), now);
        }
        return Optional.empty();
    }

    Optional<String> delete(ExternalCommand c) {
        return engine.downtimes().cancel(number(c.args().get(0)), c.type() == CommandType.DEL_HOST_DOWNTIME,
                clock.instant());
    }

    /** The hosts or services the command names, in config order. */
    private List<CheckTarget> objects(ExternalCommand c) {
        String name = c.args().get(0);
        List<CheckTarget> out = new ArrayList<>();
        switch (c.type()) {
            case SCHEDULE_SVC_DOWNTIME -> out.add(service(new ServiceKey(name, c.args().get(1))));
            case SCHEDULE_HOST_SVC_DOWNTIME -> servicesOf(name, out);
            case SCHEDULE_HOSTGROUP_HOST_DOWNTIME -> engine.model().hostGroups().get(name).members()
                    .forEach(h -> out.add(host(h)));
            case SCHEDULE_HOSTGROUP_SVC_DOWNTIME -> engine.model().hostGroups().get(name).members()
                    .forEach(h -> servicesOf(h, out));
            case SCHEDULE_SERVICEGROUP_HOST_DOWNTIME -> {
                Set<String> hosts = new LinkedHashSet<>();
                engine.model().serviceGroups().get(name).members().forEach(k -> hosts.add(k.hostName()));
                hosts.forEach(h -> out.add(host(h)));
            }
            case SCHEDULE_SERVICEGROUP_SVC_DOWNTIME -> engine.model().serviceGroups().get(name).members()
                    .forEach(k -> out.add(service(k)));
            default -> out.add(host(name));
        }
        return out;
    }

    private void servicesOf(String host, List<CheckTarget> out) {
        engine.model().services().keySet().stream().filter(k -> k.hostName().equals(host))
                .forEach(k -> out.add(service(k)));
    }

    private CheckTarget host(String name) {
        return engine.hostTarget(name).orElseThrow();
    }

    private CheckTarget service(ServiceKey key) {
        return engine.serviceTarget(key).orElseThrow();
    }

    private static Instant time(String s) {
        return Instant.ofEpochSecond(Long.parseLong(s.strip()));
    }

    private static long number(String s) {
        return Long.parseLong(s.strip());
    }
}
