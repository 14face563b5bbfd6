package org.vigil.perfdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.List;

/**
 * {@code metric_writers.influxdb:} the InfluxDB 1.x HTTP API ({@code url}, to which {@code /write} is added), the
 * database (which must exist: as Icinga 2's writer, Vigil does not create it), optional credentials, and how many
 * results one request carries at most.
 */
public final class InfluxdbConfig extends WriterConfig {

    @JsonProperty
    public String url = "http://127.0.0.1:8086";

    @JsonProperty
    public String database;

    @JsonProperty
    public String username;

    @JsonProperty
    public String password;

    /** Results per {@code /write} request at most (a request carries what is queued, up to this many). */
    @JsonProperty("batch_size")
    public int batchSize = 500;

    @Override
    public List<String> problems(String section) {
        List<String> out = new java.util.ArrayList<>(super.problems(section));
        if (database == null || database.isBlank()) {
            out.add(section + ".database: is missing (expected the name of an existing InfluxDB database)");
        }
        if (writeUri(url) == null) {
            out.add(section + ".url: '" + url + "' is not an http(s) URL (expected e.g. http://127.0.0.1:8086)");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            out.add(section + ".batch_size: " + batchSize + " is out of range (expected 1 to 100000)");
        }
        return out;
    }

    /** {@code url}'s {@code /write} endpoint for the database, precision seconds; null when url is not http(s). */
    URI writeUri() {
        return writeUri(url);
    }

    private URI writeUri(String base) {
        try {
            URI u = URI.create(base == null ? "" : base.strip());
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                return null;
            }
            String path = u.getPath() == null ? "" : u.getPath().replaceAll("/+$", "");
            String db = java.net.URLEncoder.encode(database == null ? "" : database,
                    java.nio.charset.StandardCharsets.UTF_8);
            return URI.create(u.getScheme() + "://" + u.getRawAuthority() + path + "/write?db=" + db
                    + "&precision=s");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
