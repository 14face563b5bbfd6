package org.vigil.web.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vigil.config.model.Host;
import org.vigil.config.model.Service;
import org.vigil.engine.Daemon;
import org.vigil.engine.Engine;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;

/**
 * Takes {@link StatusSnapshot}s of the running engine and keeps the last one for {@code maxAge}, so pages and
 * API calls that come in together share one engine-thread copy. After an action, {@link #fresh} gives one
 * that includes it. A reload (a new engine) always gives a new snapshot.
 */
public final class StatusReader {

    private final Monitor monitor;
    private final Clock clock;
    private final Duration maxAge;
    private StatusSnapshot cached;
    private Instant cachedAt;
    private Engine cachedEngine;
    private ConfigIndex config;

    public StatusReader(Monitor monitor, Clock clock, Duration maxAge) {
        this.monitor = monitor;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** A snapshot at most {@code maxAge} old. */
    public synchronized StatusSnapshot current() {
        Engine engine = monitor.engine();
        Instant now = clock.instant();
        if (cached == null || engine != cachedEngine || Duration.between(cachedAt, now).compareTo(maxAge) >= 0) {
            take(engine, now);
        }
        return cached;
    }

    /** A snapshot taken now. */
    public synchronized StatusSnapshot fresh() {
        take(monitor.engine(), clock.instant());
        return cached;
    }

    /** Forgets the cached snapshot and counts, so the next read sees an action just carried out. */
    public synchronized void invalidate() {
        cached = null;
        counts.clear();
    }

    /** Counts of the last {@code maxAge}, per viewer; cleared with the snapshot. */
    private final java.util.Map<StateCounts.Viewer, StateCounts> counts = new java.util.HashMap<>();
    private Engine countedEngine;

    /**
     * The overview's counts over what {@code viewer} sees, at most {@code maxAge} old: counted on the engine thread
     * without copying the objects.
     */
    public synchronized StateCounts counts(StateCounts.Viewer viewer) {
        Engine engine = monitor.engine();
        Instant now = clock.instant();
        if (engine != countedEngine || counts.values().stream().anyMatch(
                x -> Duration.between(x.program().takenAt(), now).compareTo(maxAge) >= 0)) {
            counts.clear();
            countedEngine = engine;
        }
        StateCounts known = counts.get(viewer);
        if (known != null) {
            return known;
        }
        ConfigIndex c = config(engine);
        Instant started = monitor.started();
        List<String> rejected = monitor.lastRejectedReloadErrors();
        StateCounts fresh = engine.call(() -> StateCounts.count(engine, c, viewer, now,
                program(engine, now, started, rejected)));
        counts.put(viewer, fresh);
        return fresh;
    }

    /** The configuration index of {@code engine}'s model, worked out again only when a reload changed it. */
    private ConfigIndex config(Engine engine) {
        if (config == null || config.model != engine.model()) {
            config = new ConfigIndex(engine.model());
        }
        return config;
    }

    private void take(Engine engine, Instant now) {
        ConfigIndex c = config(engine);
        Instant started = monitor.started();
        List<String> rejected = monitor.lastRejectedReloadErrors();
        cached = engine.call(() -> copy(engine, c, now, started, rejected));
        counts.clear();
        cachedAt = now;
        cachedEngine = engine;
    }

    /** Engine thread: copies everything into views. */
    private static StatusSnapshot copy(Engine e, ConfigIndex c, Instant now, Instant started, List<String> rejected) {
        List<HostView> hosts = new ArrayList<>(e.hosts().size());
        for (HostStatus s : e.hosts()) {
            Host h = c.model.hosts().get(s.name());
            hosts.add(new HostView(s.name(), h == null ? s.name() : h.displayName(), h == null ? "" : h.alias(),
                    h == null ? "" : h.address(), s.parents(), h == null ? List.of() : h.hostgroups(),
                    c.hostContacts.getOrDefault(s.name(), List.of()), CheckView.of(s, now, started)));
        }
        List<ServiceView> services = new ArrayList<>(e.services().size());
        for (ServiceStatus s : e.services()) {
            Service svc = c.model.services().get(s.key());
            Host h = c.model.hosts().get(s.hostName());
            services.add(new ServiceView(s.hostName(), s.description(),
                    svc == null ? s.description() : svc.displayName(), svc == null ? List.of() : svc.servicegroups(),
                    h == null ? List.of() : h.hostgroups(), c.serviceContacts.getOrDefault(s.key(), List.of()),
                    CheckView.of(s, now, started)));
        }
        hosts.sort(Comparator.comparing(HostView::name));
        services.sort(Comparator.comparing(ServiceView::host).thenComparing(ServiceView::description));
        List<CommentView> comments = e.comments().all().stream().map(CommentView::of)
                .sorted(Comparator.comparingLong(CommentView::id)).toList();
        List<DowntimeView> downtimes = e.downtimes().all().stream().map(DowntimeView::of)
                .sorted(Comparator.comparingLong(DowntimeView::id)).toList();
        return new StatusSnapshot(program(e, now, started, rejected), hosts, services, comments, downtimes, c);
    }

    /** Engine thread: the program's status. */
    private static ProgramView program(Engine e, Instant now, Instant started, List<String> rejected) {
        return new ProgramView(Daemon.VERSION, ProcessHandle.current().pid(), started, now,
                e.notificationsEnabled(), e.executeServiceChecks(), e.executeHostChecks(),
                e.acceptPassiveServiceChecks(), e.acceptPassiveHostChecks(), e.eventHandlersEnabled(),
                e.flapDetectionEnabled(), e.metrics().completed(), e.metrics().latencyMillis(50),
                e.metrics().latencyMillis(99), rejected);
    }
}
