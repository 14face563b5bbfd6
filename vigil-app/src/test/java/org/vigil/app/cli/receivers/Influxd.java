package org.vigil.app.cli.receivers;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's influxd (InfluxDB 1.6) started for a test: its own config, directories and ports; queried over HTTP. */
public final class Influxd implements AutoCloseable {

    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private Influxd(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts influxd in {@code dir} with its HTTP API on {@code port}, and waits until it answers. */
    public static Influxd start(Path dir, int port) throws Exception {
        Files.createDirectories(dir);
        Path config = dir.resolve("influxdb.conf");
        Files.writeString(config, String.join("\n",
                "reporting-enabled = false",
                "bind-address = \"127.0.0.1:" + Ports.free() + "\"",
                "[meta]",
                "  dir = \"" + dir.resolve("meta") + "\"",
                "[data]",
                "  dir = \"" + dir.resolve("data") + "\"",
                "  wal-dir = \"" + dir.resolve("wal") + "\"",
                "  query-log-enabled = false",
                "[monitor]",
                "  store-enabled = false",
                "[http]",
                "  enabled = true",
                "  bind-address = \"127.0.0.1:" + port + "\"",
                "  log-enabled = false",
                "[ifql]",
                "  enabled = false",
                "[logging]",
                "  level = \"warn\"",
                ""));
        Path out = dir.resolve("influxd.out");
        Process p = new ProcessBuilder("influxd", "run", "-config", config.toString()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        Ports.await(p, port, out, "influxd");
        return new Influxd(port, p);
    }

    public int port() {
        return port;
    }

    /** Runs an InfluxQL statement ({@code CREATE DATABASE}, {@code SELECT}...) and returns the JSON answer. */
    public String query(String database, String statement) throws Exception {
        String q = "q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)
                + (database == null ? "" : "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(q)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(statement + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    @Override
    public void close() throws InterruptedException {
        Ports.stop(process);
    }
}
