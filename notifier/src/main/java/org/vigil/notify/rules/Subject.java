package org.vigil.notify.rules;

import java.time.Instant;
import java.util.List;
import org.vigil.config.model.Escalation;
import org.vigil.config.model.NotificationSettings;
import org.vigil.config.model.Options;
import org.vigil.config.model.ServiceKey;
import org.vigil.engine.state.CheckableStatus;
import org.vigil.engine.state.HostState;
import org.vigil.engine.state.HostStatus;
import org.vigil.engine.state.ServiceState;
import org.vigil.engine.state.ServiceStatus;

/**
 * A host or service as the notification rules see it: its runtime status (owned by the engine thread), its host's,
 * its notification settings and escalations, and which problem states were notified ({@code notified_on}).
 */
public final class Subject {

    private final CheckableStatus<?> status;
    private final HostStatus host;
    private final ServiceKey service;
    private final NotificationSettings settings;
    private final List<Escalation> escalations;
    private final int importance;
    private Options notifiedOn = Options.NONE;

    private Subject(CheckableStatus<?> status, HostStatus host, ServiceKey service, NotificationSettings settings,
                    List<Escalation> escalations, int importance) {
        this.status = status;
        this.host = host;
        this.service = service;
        this.settings = settings;
        this.escalations = List.copyOf(escalations);
        this.importance = importance;
    }

    /** A host, with its host escalations; {@code importance} is its own plus its services' (Nagios's sum). */
    public static Subject host(HostStatus host, NotificationSettings settings, List<Escalation> escalations,
                               int importance) {
        return new Subject(host, host, null, settings, escalations, importance);
    }

    /** A service on {@code host}, with its service escalations. */
    public static Subject service(ServiceStatus service, HostStatus host, NotificationSettings settings,
                                  List<Escalation> escalations, int importance) {
        return new Subject(service, host, service.key(), settings, escalations, importance);
    }

    public boolean isHost() {
        return service == null;
    }

    public CheckableStatus<?> status() {
        return status;
    }

    /** The host itself, or the service's host. */
    public HostStatus host() {
        return host;
    }

    /** The service's key; null for a host. */
    public ServiceKey service() {
        return service;
    }

    public String hostName() {
        return host.name();
    }

    public NotificationSettings settings() {
        return settings;
    }

    public List<Escalation> escalations() {
        return escalations;
    }

    /** What a contact's {@code minimum_importance} is compared with. */
    public int importance() {
        return importance;
    }

    public boolean isVolatile() {
        return status instanceof ServiceStatus s && s.isVolatile();
    }

    public boolean isOk() {
        return status.currentState().isOk();
    }

    /**
     * The option letter of the current state, as {@code notification_options}, {@code escalation_options} and a
     * contact's options spell it: r for OK/UP (a recovery), w c u for services, d u for hosts.
     */
    public char stateLetter() {
        return isOk() ? 'r' : Character.toLowerCase(status.currentState().name().charAt(0));
    }

    /** {@code last_time_ok} of a service, {@code last_time_up} of a host; EPOCH if never. */
    Instant lastTimeOk() {
        return status instanceof ServiceStatus s ? s.lastTimeIn(ServiceState.OK) : host.lastTimeIn(HostState.UP);
    }

    /** The problem states a normal notification went out for since the last recovery ({@code notified_on}). */
    public Options notifiedOn() {
        return notifiedOn;
    }

    void addNotifiedOn(char letter) {
        notifiedOn = new Options(notifiedOn.mask() | Options.of(String.valueOf(letter)).mask());
    }

    void clearNotifiedOn() {
        notifiedOn = Options.NONE;
    }

    /** {@code host} or {@code host;service}, as log lines name the object. */
    @Override
    public String toString() {
        return service == null ? host.name() : service.toString();
    }
}
