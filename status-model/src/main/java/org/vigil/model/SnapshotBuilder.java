package org.vigil.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.vigil.config.model.Host;
import org.vigil.config.model.Service;
import org.vigil.engine.Engine;
import org.vigil.engine.comment.Comment;
import org.vigil.engine.downtime.Downtime;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;

/**
 * Makes the snapshots of one engine, each from the one before: on the engine thread it looks at every status's
 * change count ({@code CheckableStatus.changeCount}) and makes a new view only of those that changed, then hands
 * the views to an immutable {@link StatusSnapshot} (copying references, not objects). The state indexes are
 * worked out again only when a state changed. Engine thread only, one publish at a time.
 */
final class SnapshotBuilder {

    private final Engine engine;
    private final ObjectFrame frame;
    private final HostView[] hosts;
    private final ServiceView[] services;
    private final CheckDetail[] hostDetails;
    private final CheckDetail[] serviceDetails;
    private final long[] hostSeen;
    private final long[] serviceSeen;
    private final byte[] hostCodes;
    private final byte[] serviceCodes;
    private StateIndex hostIndex;
    private StateIndex serviceIndex;

    /** Engine thread: places every object of {@code engine}; no view is made yet. */
    SnapshotBuilder(Engine engine) {
        this.engine = engine;
        this.frame = new ObjectFrame(engine.model(), new ArrayList<>(engine.hosts()),
                new ArrayList<>(engine.services()));
        this.hosts = new HostView[frame.hostStatus.length];
        this.services = new ServiceView[frame.serviceStatus.length];
        this.hostDetails = new CheckDetail[hosts.length];
        this.serviceDetails = new CheckDetail[services.length];
        this.hostSeen = new long[hosts.length];
        this.serviceSeen = new long[services.length];
        Arrays.fill(hostSeen, -1);
        Arrays.fill(serviceSeen, -1);
        this.hostCodes = new byte[hosts.length];
        this.serviceCodes = new byte[services.length];
    }

    Engine engine() {
        return engine;
    }

    /** Engine thread: the snapshot of now, made from the last one and the statuses that changed since. */
    StatusSnapshot publish(ProgramView program, ProgramDetail programDetail) {
        Instant now = program.takenAt();
        Instant started = program.programStart();
        boolean hostStates = false;
        for (int i = 0; i < hosts.length; i++) {
            HostStatus s = frame.hostStatus[i];
            long changes = s.changeCount();
            if (changes != hostSeen[i] || hosts[i] == null) {
                hostSeen[i] = changes;
                hosts[i] = hostView(i, s, now, started);
                hostDetails[i] = CheckDetail.of(s);
                hostStates |= code(hostCodes, i, hosts[i].status(), StateIndex.HOST_STATES);
            }
        }
        boolean serviceStates = false;
        for (int i = 0; i < services.length; i++) {
            ServiceStatus s = frame.serviceStatus[i];
            long changes = s.changeCount();
            if (changes != serviceSeen[i] || services[i] == null) {
                serviceSeen[i] = changes;
                services[i] = serviceView(i, s, now, started);
                serviceDetails[i] = CheckDetail.of(s);
                serviceStates |= code(serviceCodes, i, services[i].status(), StateIndex.SERVICE_STATES);
            }
        }
        if (hostStates || hostIndex == null) {
            hostIndex = StateIndex.of(hostCodes, StateIndex.HOST_STATES.size());
        }
        if (serviceStates || serviceIndex == null) {
            serviceIndex = StateIndex.of(serviceCodes, StateIndex.SERVICE_STATES.size());
        }
        List<CommentView> comments = new ArrayList<>();
        for (Comment c : engine.comments().all()) {
            comments.add(CommentView.of(c));
        }
        comments.sort(Comparator.comparingLong(CommentView::id));
        List<DowntimeView> downtimes = new ArrayList<>();
        for (Downtime d : engine.downtimes().all()) {
            downtimes.add(DowntimeView.of(d));
        }
        downtimes.sort(Comparator.comparingLong(DowntimeView::id));
        return new StatusSnapshot(engine, new StatusSnapshot.Program(program, programDetail), frame,
                new StatusSnapshot.Objects(hosts.clone(), services.clone(), hostDetails.clone(),
                        serviceDetails.clone()),
                new StatusSnapshot.Indexes(hostIndex, serviceIndex), comments, downtimes);
    }

    /** Sets object {@code i}'s code from {@code c}; whether it changed. */
    private static boolean code(byte[] codes, int i, CheckView c, List<String> states) {
        int state = states.indexOf(c.state());
        byte code = (byte) ((state < 0 ? states.size() - 1 : state) | (c.problem() ? StateIndex.PROBLEM : 0));
        if (codes[i] == code) {
            return false;
        }
        codes[i] = code;
        return true;
    }

    private HostView hostView(int i, HostStatus s, Instant now, Instant started) {
        Host h = frame.model.hosts().get(s.name());
        return new HostView(s.name(), h == null ? s.name() : h.displayName(), h == null ? "" : h.alias(),
                h == null ? "" : h.address(), s.parents(), h == null ? List.of() : h.hostgroups(),
                frame.hostContacts[i], CheckView.of(s, now, started));
    }

    private ServiceView serviceView(int i, ServiceStatus s, Instant now, Instant started) {
        Service svc = frame.model.services().get(s.key());
        int host = frame.hostOf[i];
        Host h = host < 0 ? null : frame.model.hosts().get(frame.hostStatus[host].name());
        return new ServiceView(s.hostName(), s.description(), svc == null ? s.description() : svc.displayName(),
                svc == null ? List.of() : svc.servicegroups(), h == null ? List.of() : h.hostgroups(),
                frame.serviceContacts[i], CheckView.of(s, now, started));
    }
}
