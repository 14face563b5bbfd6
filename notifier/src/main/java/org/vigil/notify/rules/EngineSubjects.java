package org.vigil.notify.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.config.model.Escalation;
import org.vigil.config.model.Host;
import org.vigil.config.model.ObjectModel;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckTarget;
import org.vigil.engine.Engine;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceStatus;

/**
 * The {@link Subject} of each host and service of an engine, made on first use and kept, since it also holds
 * {@code notified_on}. Engine thread only.
 */
final class EngineSubjects {

    private final Engine engine;
    private final ObjectModel model;
    private final Map<String, List<Escalation>> hostEscalations = new HashMap<>();
    private final Map<ServiceKey, List<Escalation>> serviceEscalations = new HashMap<>();
    private final Map<String, Integer> serviceImportance = new HashMap<>();
    private final Map<CheckTarget, Subject> subjects = new HashMap<>();

    EngineSubjects(Engine engine) {
        this.engine = engine;
        this.model = engine.model();
        for (Escalation e : model.hostEscalations()) {
            hostEscalations.computeIfAbsent(e.hostName(), k -> new ArrayList<>()).add(e);
        }
        for (Escalation e : model.serviceEscalations()) {
            serviceEscalations.computeIfAbsent(new ServiceKey(e.hostName(), e.serviceDescription()),
                    k -> new ArrayList<>()).add(e);
        }
        for (Service s : model.services().values()) {
            serviceImportance.merge(s.hostName(), s.importance(), Integer::sum);
        }
    }

    Subject of(CheckTarget t) {
        return subjects.computeIfAbsent(t, this::make);
    }

    Subject host(String hostName) {
        return engine.hostTarget(hostName).map(this::of).orElse(null);
    }

    private Subject make(CheckTarget t) {
        HostStatus hostStatus = (HostStatus) engine.statusOf(engine.hostTarget(t.hostName()).orElseThrow());
        Subject s;
        if (t.isHost()) {
            Host h = model.hosts().get(t.hostName());
            s = Subject.host(hostStatus, h.notification(), hostEscalations.getOrDefault(h.name(), List.of()),
                    h.importance() + serviceImportance.getOrDefault(h.name(), 0));
        } else {
            Service svc = model.services().get(t.service());
            s = Subject.service((ServiceStatus) engine.statusOf(t), hostStatus, svc.notification(),
                    serviceEscalations.getOrDefault(svc.key(), List.of()), svc.importance());
        }
        // notified_on is not retained: a problem already notified before a restart counts as notified
        if (!s.isOk() && s.status().currentNotificationNumber() > 0) {
            s.addNotifiedOn(s.stateLetter());
        }
        return s;
    }
}
