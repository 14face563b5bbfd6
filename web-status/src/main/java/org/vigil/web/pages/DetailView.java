package org.vigil.web.pages;

import java.util.List;
import org.vigil.model.HostView;
import org.vigil.model.ServiceView;

/** The detail page of a host (with its services) or of a service (with its host's state). */
public final class DetailView extends PageView {

    private final HostView host;
    private final ServiceView service;
    private final List<ServiceView> services;
    private final ObjectDetail detail;
    private final boolean hostVisible;
    private org.vigil.web.history.Timeline timeline;
    private List<MetricGraphs> graphs = List.of();

    private DetailView(String template, PageContext ctx, String title, HostView host, ServiceView service,
                       List<ServiceView> services, ObjectDetail detail, boolean hostVisible) {
        super(template, ctx, title, service == null ? "hosts" : "services");
        this.host = host;
        this.service = service;
        this.services = List.copyOf(services);
        this.detail = detail;
        this.hostVisible = hostVisible;
    }

    static DetailView host(PageContext ctx, HostView host, List<ServiceView> services, ObjectDetail detail) {
        return new DetailView("host.ftlh", ctx, "Host " + host.name(), host, null, services, detail, true);
    }

    static DetailView service(PageContext ctx, HostView host, ServiceView service, ObjectDetail detail,
                              boolean hostVisible) {
        return new DetailView("service.ftlh", ctx, "Service " + service.description() + " on " + host.name(), host,
                service, List.of(), detail, hostVisible);
    }

    public HostView getHost() {
        return host;
    }

    /** The service of a service page; null on a host page. */
    public ServiceView getService() {
        return service;
    }

    /** The host's services the user may see (host pages). */
    public List<ServiceView> getServices() {
        return services;
    }

    /** Whether the user may open the host's page (a contact of a service only may not). */
    public boolean isHostVisible() {
        return hostVisible;
    }

    /** Adds the object's state history timeline (issue 21). */
    DetailView withTimeline(org.vigil.web.history.Timeline t) {
        this.timeline = t;
        return this;
    }

    /** The object's state history over the last hours; null when none was added. */
    public org.vigil.web.history.Timeline getTimeline() {
        return timeline;
    }

    /** This page with the graphs of its object's recorded perfdata. */
    DetailView withGraphs(List<MetricGraphs> graphs) {
        this.graphs = List.copyOf(graphs);
        return this;
    }

    /** The graphs of the object's recorded perfdata; empty when none is recorded. */
    public List<MetricGraphs> getGraphs() {
        return graphs;
    }

    public ObjectDetail getDetail() {
        return detail;
    }
}
