package org.vigil.perfdata.rrd;

import java.util.Objects;

/**
 * One metric of the store: a perfdata label of a host's check ({@code service} null) or of a service's.
 *
 * @param host    the host's name
 * @param service the service's description, null for the host check
 * @param label   the perfdata label as the plugin wrote it (unquoted)
 */
public record MetricKey(String host, String service, String label) {

    public MetricKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(label, "label");
    }

    /** True for a metric of the host check. */
    public boolean isHost() {
        return service == null;
    }
}
