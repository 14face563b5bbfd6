package org.vigil.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the status pages, the JSON API and {@code /metrics} read, as of one instant: hosts (by name),
 * services (by host, then description), comments, downtimes, groups, contacts and the program status, with
 * indexes by state, problem, host, group and contact. Immutable, so one snapshot serves many requests at once;
 * the {@link ReadModel} makes the next one from this one, copying only the objects that changed.
 *
 * <p>A view keeps the duration in its state as of when it was made; {@link #stamp} gives it as of this snapshot.
 */
public final class StatusSnapshot {

    private final Object engine;
    private final ProgramView program;
    private final ProgramDetail programDetail;
    private final ObjectFrame frame;
    private final HostView[] hosts;
    private final ServiceView[] services;
    private final CheckDetail[] hostDetails;
    private final CheckDetail[] serviceDetails;
    private final StateIndex hostIndex;
    private final StateIndex serviceIndex;
    private final List<CommentView> comments;
    private final List<DowntimeView> downtimes;
    private final Map<StateCounts.Viewer, Once<StateCounts>> counts = new ConcurrentHashMap<>();
    private final Map<Object, Object> derived = new ConcurrentHashMap<>();
    /**
     * {@link #hosts()} and {@link #services()}, made once: readers call them per object (the overview's counts
     * three times per service), and a new view per call was a tenth of the web's allocation at 100,000 services.
     */
    private final List<HostView> hostList;
    private final List<ServiceView> serviceList;

    /** The program's status as the pages show it and as Livestatus adds to it. */
    record Program(ProgramView view, ProgramDetail detail) {
    }

    /** The views of every host and service, and their details at the same positions. */
    record Objects(HostView[] hosts, ServiceView[] services, CheckDetail[] hostDetails, CheckDetail[] serviceDetails) {
    }

    /** The state indexes of the hosts and the services. */
    record Indexes(StateIndex hosts, StateIndex services) {
    }

    StatusSnapshot(Object engine, Program program, ObjectFrame frame, Objects objects, Indexes indexes,
                   List<CommentView> comments, List<DowntimeView> downtimes) {
        this.engine = engine;
        this.program = program.view();
        this.programDetail = program.detail();
        this.frame = frame;
        this.hosts = objects.hosts();
        this.services = objects.services();
        this.hostDetails = objects.hostDetails();
        this.serviceDetails = objects.serviceDetails();
        this.hostList = Collections.unmodifiableList(Arrays.asList(hosts));
        this.serviceList = Collections.unmodifiableList(Arrays.asList(services));
        this.hostIndex = indexes.hosts();
        this.serviceIndex = indexes.services();
        this.comments = List.copyOf(comments);
        this.downtimes = List.copyOf(downtimes);
    }

    /** The engine this snapshot is of (a reload makes a new one). */
    Object engine() {
        return engine;
    }

    /**
     * The resolved objects of the engine this snapshot is of (immutable), for readers that show configuration
     * beyond what the views carry (Livestatus's columns, for example).
     */
    public org.vigil.config.model.ObjectModel model() {
        return frame.model;
    }

    public ProgramView program() {
        return program;
    }

    /** The program switches beyond {@link #program()} that Livestatus's {@code status} table shows. */
    public ProgramDetail programDetail() {
        return programDetail;
    }

    /** The run-time details of every host, at the positions of {@link #hosts()}. */
    public List<CheckDetail> hostDetails() {
        return Collections.unmodifiableList(Arrays.asList(hostDetails));
    }

    /** The run-time details of every service, at the positions of {@link #services()}. */
    public List<CheckDetail> serviceDetails() {
        return Collections.unmodifiableList(Arrays.asList(serviceDetails));
    }

    /** The details of the services of one host, at the positions of {@link #servicesOf}. */
    public List<CheckDetail> serviceDetailsOf(String host) {
        Integer at = frame.hostAt.get(host);
        if (at == null) {
            return List.of();
        }
        return serviceDetails().subList(frame.firstService[at], frame.firstService[at + 1]);
    }

    /** The position of host {@code name} in {@link #hosts()}, or -1. */
    public int hostPosition(String name) {
        Integer at = frame.hostAt.get(name);
        return at == null ? -1 : at;
    }

    /** The position in {@link #hosts()} of the host of the service at {@code position} in {@link #services()}. */
    public int hostPositionOfService(int position) {
        return frame.hostOf[position];
    }

    /** The position of the first service of host {@code name} in {@link #services()}, or -1. */
    public int firstServicePosition(String name) {
        Integer at = frame.hostAt.get(name);
        return at == null ? -1 : frame.firstService[at];
    }

    /** The positions in {@link #hosts()} of the hosts {@code contact} is a contact of (a copy). */
    public int[] hostPositionsOfContact(String contact) {
        return frame.hostsOfContact.getOrDefault(contact, new int[0]).clone();
    }

    /** The positions in {@link #services()} of the services {@code contact} sees, as {@link #servicesOfContact}. */
    public int[] servicePositionsOfContact(String contact) {
        return frame.servicesOfContact.getOrDefault(contact, new int[0]).clone();
    }

    /** The positions in {@link #hosts()} of the members of host group {@code name} (a copy). */
    public int[] hostPositionsOfHostGroup(String name) {
        return frame.hostsOfHostGroup.getOrDefault(name, new int[0]).clone();
    }

    /** The positions in {@link #services()} of the services on the members of host group {@code name}. */
    public int[] servicePositionsOfHostGroup(String name) {
        return frame.servicesOfHostGroup.getOrDefault(name, new int[0]).clone();
    }

    /** The positions in {@link #services()} of the members of service group {@code name} (a copy). */
    public int[] servicePositionsOfServiceGroup(String name) {
        return frame.servicesOfServiceGroup.getOrDefault(name, new int[0]).clone();
    }

    /** When the snapshot was taken. */
    public Instant takenAt() {
        return program.takenAt();
    }

    /** All hosts, in name order. */
    public List<HostView> hosts() {
        return hostList;
    }

    /** All services, by host name then description. */
    public List<ServiceView> services() {
        return serviceList;
    }

    public List<CommentView> comments() {
        return comments;
    }

    public List<DowntimeView> downtimes() {
        return downtimes;
    }

    public List<GroupView> hostGroups() {
        return Collections.unmodifiableList(frame.hostGroups);
    }

    public List<GroupView> serviceGroups() {
        return Collections.unmodifiableList(frame.serviceGroups);
    }

    public List<ContactView> contacts() {
        return Collections.unmodifiableList(frame.contacts);
    }

    public Optional<HostView> host(String name) {
        Integer at = frame.hostAt.get(name);
        return at == null ? Optional.empty() : Optional.of(hosts[at]);
    }

    /** The services of one host, by description. */
    public List<ServiceView> servicesOf(String host) {
        Integer at = frame.hostAt.get(host);
        if (at == null) {
            return List.of();
        }
        return services().subList(frame.firstService[at], frame.firstService[at + 1]);
    }

    public Optional<ServiceView> service(String host, String description) {
        for (ServiceView s : servicesOf(host)) {
            if (s.description().equals(description)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The hosts in any of {@code states} ({@code UP}, {@code DOWN}, {@code UNREACHABLE}, {@code PENDING}, and
     * {@code PROBLEM}: checked and not UP; any case), in name order; other names are ignored.
     */
    public List<HostView> hostsIn(Collection<String> states) {
        return new Positions<>(hosts, positions(hostIndex, StateIndex.HOST_STATES, states));
    }

    /** The services in any of {@code states} (service states and {@code PROBLEM}), by host then description. */
    public List<ServiceView> servicesIn(Collection<String> states) {
        return new Positions<>(services, positions(serviceIndex, StateIndex.SERVICE_STATES, states));
    }

    /** The members of host group {@code name}, in name order (empty if there is none). */
    public List<HostView> hostsOfHostGroup(String name) {
        return new Positions<>(hosts, frame.hostsOfHostGroup.getOrDefault(name, new int[0]));
    }

    /** The services on the members of host group {@code name}, by host then description. */
    public List<ServiceView> servicesOfHostGroup(String name) {
        return new Positions<>(services, frame.servicesOfHostGroup.getOrDefault(name, new int[0]));
    }

    /** The members of service group {@code name}, by host then description. */
    public List<ServiceView> servicesOfServiceGroup(String name) {
        return new Positions<>(services, frame.servicesOfServiceGroup.getOrDefault(name, new int[0]));
    }

    /** The hosts {@code contact} is a contact of, in name order. */
    public List<HostView> hostsOfContact(String contact) {
        return new Positions<>(hosts, frame.hostsOfContact.getOrDefault(contact, new int[0]));
    }

    /** The services {@code contact} sees: it is their contact or their host's, by host then description. */
    public List<ServiceView> servicesOfContact(String contact) {
        return new Positions<>(services, frame.servicesOfContact.getOrDefault(contact, new int[0]));
    }

    /** {@code view} with its duration as of this snapshot. */
    public HostView stamp(HostView view) {
        return view.at(takenAt(), program.programStart());
    }

    /**
     * {@code view} with its duration as of this snapshot, and {@code handled} as {@link ProblemHandling} says (also
     * when its DOWN or UNREACHABLE host is acknowledged or in downtime).
     */
    public ServiceView stamp(ServiceView view) {
        ServiceView v = view.at(takenAt(), program.programStart());
        return v.with(v.status().handled(ProblemHandling.handled(this, v)));
    }

    /** {@code view} with its duration as of this snapshot. */
    public CheckView stamp(CheckView view) {
        return view.at(takenAt(), program.programStart());
    }

    /** How long {@code view}'s object has been in its state as of this snapshot, for sorting by it. */
    public long durationOf(CheckView view) {
        return view.durationAt(takenAt(), program.programStart());
    }

    /** The overview's counts over what {@code viewer} sees, worked out once per snapshot and viewer. */
    public StateCounts counts(StateCounts.Viewer viewer) {
        return counts.computeIfAbsent(viewer, v -> new Once<>(() -> StateCounts.count(this, v))).get();
    }

    /**
     * What {@code make} works out of this snapshot, made once per snapshot and {@code key} and then shared by every
     * reader (for example the problems in the order {@code /problems} shows them). {@code make} must depend on the
     * snapshot alone and give a value (not null); it may ask for other derived values. The first reader works it out
     * and those asking for the same key meanwhile wait for it; readers of other keys do not.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, java.util.function.Function<StatusSnapshot, T> make) {
        return ((Once<T>) derived.computeIfAbsent(key, k -> new Once<>(() -> make.apply(this)))).get();
    }

    private static int[] positions(StateIndex index, List<String> names, Collection<String> states) {
        boolean[] wanted = new boolean[names.size() + 1];
        int lists = 0;
        for (String s : states) {
            String st = s.toUpperCase(Locale.ROOT);
            int at = st.equals("PROBLEM") ? names.size() : names.indexOf(st);
            if (at >= 0 && !wanted[at]) {
                wanted[at] = true;
                lists++;
            }
        }
        int[] one = null;
        int total = 0;
        for (int s = 0; s < wanted.length; s++) {
            if (wanted[s]) {
                one = s == names.size() ? index.problems() : index.inState(s);
                total += one.length;
            }
        }
        if (lists <= 1) {
            return one == null ? new int[0] : one;
        }
        int[] all = new int[total];
        int n = 0;
        for (int s = 0; s < wanted.length; s++) {
            if (wanted[s]) {
                int[] part = s == names.size() ? index.problems() : index.inState(s);
                System.arraycopy(part, 0, all, n, part.length);
                n += part.length;
            }
        }
        // back in list order, each once (a problem is also in its state's list)
        IntList distinct = new IntList();
        for (int i : all) {
            distinct.add(i);
        }
        return distinct.sorted();
    }
}
