package org.vigil.engine.state;

import java.time.Instant;
import java.util.List;
import org.vigil.config.model.Host;

/** The runtime status of one host, as Nagios keeps it in its {@code host} struct. */
public final class HostStatus extends CheckableStatus<HostState> {

    private final String name;
    private final List<String> parents;
    private final boolean hasCheckCommand;
    /** By the state's ordinal; null for never (an array: 100,000 objects each keep one). */
    private Instant[] lastTimeIn = new Instant[HostState.values().length];

    public HostStatus(Host host) {
        super(HostState.ofLetter(host.check().initialState()), host.check(), host.stalking(),
                host.notification().period(), host.importance());
        setNotificationsEnabled(host.notification().enabled());
        this.name = host.name();
        this.parents = host.parents();
        this.hasCheckCommand = host.check().checkCommand() != null;
    }

    public String name() {
        return name;
    }

    /** The names of the parent hosts, from the {@code parents} directive. */
    public List<String> parents() {
        return parents;
    }

    /** False for a host without {@code check_command}: Nagios then assumes it is UP. */
    public boolean hasCheckCommand() {
        return hasCheckCommand;
    }

    /**
     * A copy of this status as it is now, for reading on another thread (status.dat is rendered from these, off the
     * engine thread); engine thread only. The copy is never changed.
     */
    public HostStatus snapshot() {
        HostStatus copy = copyOfFields();
        copy.lastTimeIn = lastTimeIn.clone();
        return copy;
    }

    /** {@code last_time_up}, {@code last_time_down}... ({@link Instant#EPOCH} if never). */
    public Instant lastTimeIn(HostState state) {
        Instant t = lastTimeIn[state.ordinal()];
        return t == null ? Instant.EPOCH : t;
    }

    public void setLastTimeIn(HostState state, Instant time) {
        lastTimeIn[state.ordinal()] = time;
        changed();
    }
}
