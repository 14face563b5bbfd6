package org.vigil.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.vigil.web.auth.Access;
import org.vigil.web.auth.AuthContext;
import org.vigil.web.auth.WebUser;
import org.vigil.model.CheckView;
import org.vigil.model.CommentView;
import org.vigil.model.ContactView;
import org.vigil.model.DowntimeView;
import org.vigil.model.GroupView;
import org.vigil.model.HostView;
import org.vigil.model.ProblemHandling;
import org.vigil.model.ProgramView;
import org.vigil.model.ServiceView;
import org.vigil.model.ReadModel;
import org.vigil.model.StateCounts;
import org.vigil.model.StatusSnapshot;

/** The read side of the JSON API: lists and details from the cached {@link StatusSnapshot}. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class StatusResource {

    static final Set<String> HOST_STATES = Set.of("UP", "DOWN", "UNREACHABLE", "PENDING");
    static final Set<String> SERVICE_STATES = Set.of("OK", "WARNING", "CRITICAL", "UNKNOWN", "PENDING");

    private final ReadModel reader;

    public StatusResource(ReadModel reader) {
        this.reader = reader;
    }

    /** The program status with counts of the visible hosts and services per state. */
    public record ProgramStatus(ProgramView program, Map<String, Integer> hosts, Map<String, Integer> services) {
    }

    /** A host with its services, comments and downtimes. */
    public record HostDetail(HostView host, List<ServiceView> services, List<CommentView> comments,
                             List<DowntimeView> downtimes) {
    }

    /** A service with its comments and downtimes. */
    public record ServiceDetail(ServiceView service, List<CommentView> comments, List<DowntimeView> downtimes) {
    }

    /** A group with its visible members and their counts per state. */
    public record GroupDetail(String name, String alias, List<String> members, Map<String, Integer> states) {
    }

    @GET
    @Path("status")
    public ProgramStatus status(@Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        WebUser u = user(sc);
        StateCounts c = s.counts(new StateCounts.Viewer(u.allObjects(), u.contact()));
        return new ProgramStatus(s.program(), totals(c.hosts(), "UP", "DOWN", "UNREACHABLE", "PENDING"),
                totals(c.services(), "OK", "WARNING", "CRITICAL", "UNKNOWN", "PENDING"));
    }

    /** The overview's counts per state, in the order the API has always given them. */
    private static Map<String, Integer> totals(List<StateCounts.Count> counts, String... states) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String st : states) {
            m.put(st, 0);
        }
        counts.forEach(x -> m.merge(x.state(), x.total(), Integer::sum));
        return m;
    }

    @GET
    @Path("hosts")
    public Page<HostView> hosts(@QueryParam("state") String state, @QueryParam("state_type") String stateType,
                                @QueryParam("handled") String handled, @QueryParam("host") String host,
                                @QueryParam("hostgroup") String hostgroup,
                                @QueryParam("servicegroup") String servicegroup, @QueryParam("text") String text,
                                @QueryParam("sort") String sort, @QueryParam("order") String order,
                                @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                @Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        Access a = access(sc);
        Predicate<CheckView> st = ListQuery.states(state, HOST_STATES).and(ListQuery.stateType(stateType));
        Predicate<String> handling = ListQuery.handled(handled);
        if (hostgroup != null && s.hostGroups().stream().noneMatch(g -> g.name().equals(hostgroup))) {
            throw ApiException.notFound("no host group '" + hostgroup + "'");
        }
        java.util.Set<String> ofServicegroup = servicegroup == null ? null
                : s.serviceGroups().stream().filter(g -> g.name().equals(servicegroup)).findFirst()
                .map(g -> g.members().stream().map(m -> m.substring(0, m.indexOf(';')))
                        .collect(java.util.stream.Collectors.toSet()))
                .orElseThrow(() -> ApiException.notFound("no service group '" + servicegroup + "'"));
        Predicate<String> hostName = hostMatcher(s, host);
        Map<String, Comparator<HostView>> sorts = new LinkedHashMap<>();
        sorts.put("name", Comparator.comparing(HostView::name));
        sorts.putAll(ListQuery.checkSorts(HostView::status, s));
        Comparator<HostView> order0 = ListQuery.sort(sort, order, sorts, "name");
        int from = ListQuery.offset(offset);
        int max = ListQuery.limit(limit);
        Predicate<HostView> filters = h -> a.canSee(h) && st.test(h.status())
                && handling.test(ProblemHandling.of(h.status(), null)) && hostName.test(h.name())
                && (hostgroup == null || h.hostgroups().contains(hostgroup))
                && (ofServicegroup == null || ofServicegroup.contains(h.name()))
                && (text == null || ListQuery.contains(text, h.name(), h.alias(), h.address(), h.displayName(),
                h.status().output()));
        List<HostView> pool = Candidates.hosts(s, a, ListQuery.stateNames(state), hostgroup);
        if (byName(sort, order, "name")) {
            boolean unfiltered = a.user().allObjects() && blank(state) && blank(stateType) && blank(handled)
                    && host == null && hostgroup == null && servicegroup == null && text == null;
            return Page.window(pool, unfiltered ? null : filters, from, max, s::stamp);
        }
        List<HostView> matched = pool.stream().filter(filters).sorted(order0.thenComparing(HostView::name)).toList();
        return Page.of(matched, from, max, s::stamp);
    }

    @GET
    @Path("hosts/{host}")
    public HostDetail host(@PathParam("host") String name, @Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        Access a = access(sc);
        HostView h = s.stamp(visibleHost(s, a, name));
        return new HostDetail(h, s.servicesOf(name).stream().filter(v -> a.canSee(v, s)).map(s::stamp).toList(),
                s.comments().stream().filter(c -> c.host().equals(name) && c.service() == null).toList(),
                s.downtimes().stream().filter(d -> d.host().equals(name) && d.service() == null).toList());
    }

    @GET
    @Path("services")
    public Page<ServiceView> services(@QueryParam("state") String state, @QueryParam("state_type") String stateType,
                                      @QueryParam("handled") String handled, @QueryParam("host") String host,
                                      @QueryParam("service") String service, @QueryParam("hostgroup") String hostgroup,
                                      @QueryParam("servicegroup") String servicegroup, @QueryParam("text") String text,
                                      @QueryParam("sort") String sort, @QueryParam("order") String order,
                                      @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                      @Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        Access a = access(sc);
        Predicate<CheckView> st = ListQuery.states(state, SERVICE_STATES).and(ListQuery.stateType(stateType));
        Predicate<String> handling = ListQuery.handled(handled);
        boolean exactHost = host != null && s.host(host).isPresent();
        Predicate<String> hostName = hostMatcher(s, host);
        if (hostgroup != null && s.hostGroups().stream().noneMatch(g -> g.name().equals(hostgroup))) {
            throw ApiException.notFound("no host group '" + hostgroup + "'");
        }
        if (servicegroup != null && s.serviceGroups().stream().noneMatch(g -> g.name().equals(servicegroup))) {
            throw ApiException.notFound("no service group '" + servicegroup + "'");
        }
        Map<String, Comparator<ServiceView>> sorts = new LinkedHashMap<>();
        Comparator<ServiceView> byName = Comparator.comparing(ServiceView::host)
                .thenComparing(ServiceView::description);
        sorts.put("host", byName);
        sorts.put("service", Comparator.comparing(ServiceView::description).thenComparing(ServiceView::host));
        sorts.putAll(ListQuery.checkSorts(ServiceView::status, s));
        Comparator<ServiceView> order0 = ListQuery.sort(sort, order, sorts, "host");
        int from = ListQuery.offset(offset);
        int max = ListQuery.limit(limit);
        List<ServiceView> pool = exactHost ? s.servicesOf(host)
                : Candidates.services(s, a, ListQuery.stateNames(state), null, hostgroup, servicegroup);
        Predicate<ServiceView> filters = v -> a.canSee(v, s) && handled(s, v, st, handling) && hostName.test(v.host())
                && (service == null || ListQuery.contains(service, v.description(), v.displayName()))
                && (hostgroup == null || v.hostgroups().contains(hostgroup))
                && (servicegroup == null || v.servicegroups().contains(servicegroup))
                && (text == null || ListQuery.contains(text, v.host(), v.description(), v.displayName(),
                v.status().output()));
        if (byName(sort, order, "host")) {
            boolean unfiltered = a.user().allObjects() && blank(state) && blank(stateType) && blank(handled)
                    && host == null && service == null && hostgroup == null && servicegroup == null && text == null;
            return Page.window(pool, unfiltered ? null : filters, from, max, s::stamp);
        }
        List<ServiceView> matched = pool.stream().filter(filters).sorted(order0.thenComparing(byName)).toList();
        return Page.of(matched, from, max, s::stamp);
    }

    /** Whether service {@code v} passes the state filters {@code st} and {@code handling}, handled by its host too. */
    private static boolean handled(StatusSnapshot s, ServiceView v, Predicate<CheckView> st,
                                   Predicate<String> handling) {
        String h = ProblemHandling.of(s, v);
        return st.test(h == null ? v.status() : v.status().handled(!h.equals(ProblemHandling.UNHANDLED)))
                && handling.test(h);
    }

    @GET
    @Path("services/{host}/{service}")
    public ServiceDetail service(@PathParam("host") String host, @PathParam("service") String service,
                                 @Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        ServiceView v = s.stamp(visibleService(s, access(sc), host, service));
        return new ServiceDetail(v,
                s.comments().stream().filter(c -> c.host().equals(host) && service.equals(c.service())).toList(),
                s.downtimes().stream().filter(d -> d.host().equals(host) && service.equals(d.service())).toList());
    }

    @GET
    @Path("hostgroups")
    public List<GroupDetail> hostGroups(@Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        Access a = access(sc);
        return s.hostGroups().stream().map(g -> hostGroup(s, a, g)).filter(g -> visibleGroup(a, g)).toList();
    }

    @GET
    @Path("hostgroups/{name}")
    public GroupDetail hostGroup(@PathParam("name") String name, @Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        Access a = access(sc);
        return s.hostGroups().stream().filter(g -> g.name().equals(name)).findFirst().map(g -> hostGroup(s, a, g))
                .filter(g -> visibleGroup(a, g))
                .orElseThrow(() -> ApiException.notFound("no host group '" + name + "'"));
    }

    @GET
    @Path("servicegroups")
    public List<GroupDetail> serviceGroups(@Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        Access a = access(sc);
        return s.serviceGroups().stream().map(g -> serviceGroup(s, a, g)).filter(g -> visibleGroup(a, g)).toList();
    }

    @GET
    @Path("servicegroups/{name}")
    public GroupDetail serviceGroup(@PathParam("name") String name, @Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        Access a = access(sc);
        return s.serviceGroups().stream().filter(g -> g.name().equals(name)).findFirst()
                .map(g -> serviceGroup(s, a, g)).filter(g -> visibleGroup(a, g))
                .orElseThrow(() -> ApiException.notFound("no service group '" + name + "'"));
    }

    @GET
    @Path("contacts")
    public List<ContactView> contacts(@Context SecurityContext sc) {
        WebUser u = user(sc);
        return reader.current().contacts().stream()
                .filter(c -> u.allObjects() || c.name().equals(u.contact())).toList();
    }

    @GET
    @Path("contacts/{name}")
    public ContactView contact(@PathParam("name") String name, @Context SecurityContext sc) {
        return contacts(sc).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no contact '" + name + "'"));
    }

    @GET
    @Path("comments")
    public List<CommentView> comments(@QueryParam("host") String host, @QueryParam("service") String service,
                                      @Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        Access a = access(sc);
        return s.comments().stream().filter(c -> a.canSee(c.host(), c.service(), s))
                .filter(c -> host == null || c.host().equals(host))
                .filter(c -> service == null || service.equals(c.service())).toList();
    }

    @GET
    @Path("downtimes")
    public List<DowntimeView> downtimes(@QueryParam("host") String host, @QueryParam("service") String service,
                                        @Context SecurityContext sc) {
        StatusSnapshot s = reader.current();
        Access a = access(sc);
        return s.downtimes().stream().filter(d -> a.canSee(d.host(), d.service(), s))
                .filter(d -> host == null || d.host().equals(host))
                .filter(d -> service == null || service.equals(d.service())).toList();
    }

    private GroupDetail hostGroup(StatusSnapshot s, Access a, GroupView g) {
        List<HostView> members = g.members().stream().flatMap(m -> s.host(m).stream()).filter(a::canSee).toList();
        return new GroupDetail(g.name(), g.alias(), members.stream().map(HostView::name).toList(),
                counts(members.stream().map(HostView::status).toList(), "UP", "DOWN", "UNREACHABLE", "PENDING"));
    }

    private GroupDetail serviceGroup(StatusSnapshot s, Access a, GroupView g) {
        List<ServiceView> members = g.members().stream().flatMap(m -> {
            int semi = m.indexOf(';');
            return s.service(m.substring(0, semi), m.substring(semi + 1)).stream();
        }).filter(v -> a.canSee(v, s)).toList();
        return new GroupDetail(g.name(), g.alias(), members.stream().map(v -> v.host() + ";" + v.description())
                .toList(), counts(members.stream().map(ServiceView::status).toList(), "OK", "WARNING", "CRITICAL",
                "UNKNOWN", "PENDING"));
    }

    /** A contact-bound user sees a group only if it sees one of its members, as Nagios's CGIs show groups. */
    private static boolean visibleGroup(Access a, GroupDetail g) {
        return a.user().allObjects() || !g.members().isEmpty();
    }

    /** The host {@code name} if the user sees it; else a 404, as if it did not exist. */
    public static HostView visibleHost(StatusSnapshot s, Access a, String name) {
        return s.host(name).filter(a::canSee).orElseThrow(() -> ApiException.notFound("no host '" + name + "'"));
    }

    /** The service if the user sees it; else a 404, as if it did not exist. */
    public static ServiceView visibleService(StatusSnapshot s, Access a, String host, String service) {
        return s.service(host, service).filter(v -> a.canSee(v, s))
                .orElseThrow(() -> ApiException.notFound("no service '" + service + "' on host '" + host + "'"));
    }

    /**
     * Whether the list is asked for in its natural order (by name, ascending), the order the read model keeps it
     * in, so it needs no sorting. A bad sort or order has been refused by {@link ListQuery#sort} already.
     */
    private static boolean byName(String sort, String order, String name) {
        return (sort == null || sort.isBlank() || sort.strip().equalsIgnoreCase(name))
                && (order == null || order.isBlank() || order.equalsIgnoreCase("asc"));
    }

    /**
     * The {@code host} filter: the host's exact name if there is such a host, else a case-insensitive part of the
     * name (as the status pages' host field).
     */
    private static Predicate<String> hostMatcher(StatusSnapshot s, String host) {
        if (host == null) {
            return n -> true;
        }
        if (s.host(host).isPresent()) {
            return host::equals;
        }
        return n -> ListQuery.contains(host, n);
    }

    private static boolean blank(String param) {
        return param == null || param.isBlank();
    }

    static Map<String, Integer> counts(List<CheckView> views, String... states) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String st : states) {
            m.put(st, 0);
        }
        views.forEach(v -> m.merge(v.state(), 1, Integer::sum));
        return m;
    }

    public static WebUser user(SecurityContext sc) {
        return AuthContext.user(sc);
    }

    public static Access access(SecurityContext sc) {
        return new Access(user(sc));
    }
}
