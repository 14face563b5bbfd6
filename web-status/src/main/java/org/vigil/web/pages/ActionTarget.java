package org.vigil.web.pages;

/**
 * One thing an action is carried out on: a host ({@code service} null), a service, or a downtime or comment by
 * {@code id}. {@code field} and {@code value} are how a form posts it back ({@code target=web1;http},
 * {@code downtime_id=12}); {@code label} is how the page shows it.
 */
public record ActionTarget(String host, String service, long id, String field, String value, String label) {

    static ActionTarget host(String host) {
        return new ActionTarget(host, null, 0, "target", host, host);
    }

    static ActionTarget service(String host, String service) {
        return new ActionTarget(host, service, 0, "target", host + ";" + service, service + " on " + host);
    }

    static ActionTarget entry(String field, long id, String kind, String host, String service) {
        return new ActionTarget(host, service, id, field, Long.toString(id),
                kind + " " + id + " of " + (service == null ? host : service + " on " + host));
    }

    public boolean isHost() {
        return id == 0 && service == null;
    }

    public boolean isService() {
        return id == 0 && service != null;
    }
}
