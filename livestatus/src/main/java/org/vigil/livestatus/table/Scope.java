package org.vigil.livestatus.table;

import java.util.List;
import org.vigil.config.model.ObjectModel;
import org.vigil.livestatus.query.QueryContext;
import org.vigil.model.StatusSnapshot;

/**
 * What every row of one request reads besides its own object: the snapshot, what the AuthUser may see, the
 * comments and downtimes by object, whether a timeperiod is active now, and the resolved objects' derived indexes
 * (children, contact groups).
 */
final class Scope {

    private final StatusSnapshot snapshot;
    private final Visibility visibility;
    private final ModelIndex model;
    private final long intervalLength;
    /** The snapshot's lists, taken once: each call of the snapshot's accessors makes a new wrapper. */
    private final List<org.vigil.model.HostView> hosts;
    private final List<org.vigil.model.ServiceView> services;
    private final List<org.vigil.model.CheckDetail> hostDetails;
    private final List<org.vigil.model.CheckDetail> serviceDetails;

    Scope(QueryContext context, ModelIndex model, long intervalLength) {
        this.snapshot = context.snapshot();
        this.visibility = Visibility.of(snapshot, context.authUser());
        this.model = model;
        this.intervalLength = intervalLength;
        this.hosts = snapshot.hosts();
        this.services = snapshot.services();
        this.hostDetails = snapshot.hostDetails();
        this.serviceDetails = snapshot.serviceDetails();
    }

    org.vigil.model.HostView hostView(int position) {
        return hosts.get(position);
    }

    org.vigil.model.ServiceView serviceView(int position) {
        return services.get(position);
    }

    org.vigil.model.CheckDetail hostDetail(int position) {
        return hostDetails.get(position);
    }

    org.vigil.model.CheckDetail serviceDetail(int position) {
        return serviceDetails.get(position);
    }

    /** {@code interval_length}: the seconds of one interval unit. */
    long intervalLength() {
        return intervalLength;
    }

    StatusSnapshot snapshot() {
        return snapshot;
    }

    ObjectModel objects() {
        return snapshot.model();
    }

    Visibility visibility() {
        return visibility;
    }

    ModelIndex model() {
        return model;
    }

    EntryIndex entries() {
        return snapshot.derived(EntryIndex.class, EntryIndex::of);
    }

    /** Whether timeperiod {@code name} is active at the snapshot's time; true for none (no period means always). */
    boolean inPeriod(String name) {
        if (name == null || name.isEmpty()) {
            return true;
        }
        PeriodStates states = snapshot.derived(model.periodKey(), s -> new PeriodStates(model.schedule(),
                s.takenAt()));
        return states.active(name);
    }

    HostRow host(int position) {
        return new HostRow(this, position);
    }

    HostRow host(String name) {
        int at = snapshot.hostPosition(name);
        return at < 0 ? null : new HostRow(this, at);
    }

    ServiceRow service(int position) {
        return new ServiceRow(this, position);
    }

    /** The service {@code description} on {@code host}, or null. */
    ServiceRow service(String host, String description) {
        int first = snapshot.firstServicePosition(host);
        if (first < 0) {
            return null;
        }
        List<org.vigil.model.ServiceView> of = snapshot.servicesOf(host);
        for (int i = 0; i < of.size(); i++) {
            if (of.get(i).description().equals(description)) {
                return new ServiceRow(this, first + i);
            }
        }
        return null;
    }
}
