package org.vigil.perfdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code metric_writers.graphite:} where carbon listens for its plaintext protocol, and the first part of every metric
 * name ({@code icinga2}, as Icinga 2 names them, so dashboards and Icinga Web's Graphite module made for Icinga 2
 * find Vigil's metrics unchanged).
 */
public final class GraphiteConfig extends WriterConfig {

    @JsonProperty
    public String host = "127.0.0.1";

    @JsonProperty
    public int port = 2003;

    @JsonProperty
    public String prefix = "icinga2";

    @Override
    public List<String> problems(String section) {
        List<String> out = new java.util.ArrayList<>(super.problems(section));
        if (host == null || host.isBlank()) {
            out.add(section + ".host: is empty (expected the host carbon listens on)");
        }
        if (port < 1 || port > 65535) {
            out.add(section + ".port: " + port + " is out of range (expected 1 to 65535)");
        }
        if (prefix == null || prefix.isBlank() || prefix.startsWith(".") || prefix.endsWith(".")) {
            out.add(section + ".prefix: '" + prefix + "' is not a metric path (expected e.g. icinga2 or vigil.prod)");
        }
        return out;
    }
}
