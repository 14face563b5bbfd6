package org.vigil.livestatus.table;

import java.util.ArrayList;
import java.util.List;
import org.vigil.config.model.Links;

/**
 * One host group or service group of one request, with the member hosts and services the request may see
 * (worked out once per row: several columns count them).
 */
final class GroupRow {

    private final Scope scope;
    private final String name;
    private final String alias;
    private final Links links;
    private final int[] hostPositions;
    private final int[] servicePositions;
    private List<HostRow> hosts;
    private List<ServiceRow> services;

    GroupRow(Scope scope, String name, String alias, Links links, int[] hostPositions, int[] servicePositions) {
        this.scope = scope;
        this.name = name;
        this.alias = alias;
        this.links = links == null ? Links.NONE : links;
        this.hostPositions = hostPositions;
        this.servicePositions = servicePositions;
    }

    String name() {
        return name;
    }

    String alias() {
        return alias;
    }

    Links links() {
        return links;
    }

    Scope scope() {
        return scope;
    }

    /** Whether the request may see the group: every member (Livestatus's group_authorization strict). */
    boolean visible() {
        for (int h : hostPositions) {
            if (!scope.visibility().host(h)) {
                return false;
            }
        }
        for (int s : servicePositions) {
            if (!scope.visibility().service(s)) {
                return false;
            }
        }
        return true;
    }

    /** The member hosts (host groups; empty for service groups). */
    List<HostRow> hosts() {
        if (hosts == null) {
            hosts = new ArrayList<>(hostPositions.length);
            for (int h : hostPositions) {
                if (scope.visibility().host(h)) {
                    hosts.add(scope.host(h));
                }
            }
        }
        return hosts;
    }

    /** The member services (service groups), or the services on the member hosts (host groups). */
    List<ServiceRow> services() {
        if (services == null) {
            services = new ArrayList<>(servicePositions.length);
            for (int s : servicePositions) {
                if (scope.visibility().service(s)) {
                    services.add(scope.service(s));
                }
            }
        }
        return services;
    }
}
