package org.vigil.engine.state;

import java.time.Instant;
import org.vigil.config.model.Service;
import org.vigil.config.model.ServiceKey;

/** The runtime status of one service, as Nagios keeps it in its {@code service} struct. */
public final class ServiceStatus extends CheckableStatus<ServiceState> {

    private final ServiceKey key;
    private boolean isVolatile;
    private boolean hostProblemAtLastCheck;
    /** By the state's ordinal; null for never (an array: 100,000 objects each keep one). */
    private Instant[] lastTimeIn = new Instant[ServiceState.values().length];

    public ServiceStatus(Service service) {
        super(ServiceState.ofLetter(service.check().initialState()), service.check(), service.stalking(),
                service.notification().period(), service.importance());
        setNotificationsEnabled(service.notification().enabled());
        this.key = service.key();
        this.isVolatile = service.isVolatile();
    }

    public ServiceKey key() {
        return key;
    }

    public String hostName() {
        return key.hostName();
    }

    public String description() {
        return key.description();
    }

    public boolean isVolatile() {
        return isVolatile;
    }

    public void setVolatile(boolean b) {
        isVolatile = b;
        changed();
    }

    /** Whether the host was not UP at the last result, which changes how the next one is judged. */
    public boolean hostProblemAtLastCheck() {
        return hostProblemAtLastCheck;
    }

    public void setHostProblemAtLastCheck(boolean b) {
        hostProblemAtLastCheck = b;
        changed();
    }

    /**
     * A copy of this status as it is now, for reading on another thread (status.dat is rendered from these, off the
     * engine thread); engine thread only. The copy is never changed.
     */
    public ServiceStatus snapshot() {
        ServiceStatus copy = copyOfFields();
        copy.lastTimeIn = lastTimeIn.clone();
        return copy;
    }

    /** {@code last_time_ok}, {@code last_time_warning}... ({@link Instant#EPOCH} if never). */
    public Instant lastTimeIn(ServiceState state) {
        Instant t = lastTimeIn[state.ordinal()];
        return t == null ? Instant.EPOCH : t;
    }

    public void setLastTimeIn(ServiceState state, Instant time) {
        lastTimeIn[state.ordinal()] = time;
        changed();
    }
}
