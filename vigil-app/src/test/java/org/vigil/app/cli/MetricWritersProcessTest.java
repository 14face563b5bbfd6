package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.cli.receivers.Carbon;
import org.vigil.app.cli.receivers.Influxd;
import org.vigil.app.cli.receivers.Ports;

/**
 * {@code vigil run} with {@code metric_writers:} in vigil.yml sends each result's performance data to the receivers
 * Debian ships, started here with their own directories and ports: carbon-cache (graphite-carbon; read back from
 * its whisper files) and influxd (InfluxDB 1.6; read back with a query). With the receivers away, the queue holds
 * at most its size, the oldest go first and are counted in {@code /metrics}, a reload keeps all that, and delivery
 * resumes when they are back.
 */
class MetricWritersProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVING =
            Pattern.compile("Web: serving http://127.0.0.1:(\\d+)/ \\(admin port (\\d+)\\)");

    @TempDir
    Path dir;

    private Process vigil;
    private Path out;
    private int adminPort;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopVigil() throws Exception {
        if (vigil != null) {
            vigil.destroy();
            assertThat(vigil.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void eachResultsPerfdataReachesCarbonAndInfluxdbNamedAsIcinga2NamesIt() throws Exception {
        try (Carbon carbon = Carbon.start(dir.resolve("carbon"), Ports.free());
             Influxd influx = Influxd.start(dir.resolve("influx"), Ports.free())) {
            influx.query(null, "CREATE DATABASE vigil");
            startVigil(carbon.port(), influx.port(), 1000, 1);
            String disk = "icinga2.web_1.services.Disk_var.check_dummy.";
            List<String> expected = List.of(disk + "perfdata.used.value", disk + "perfdata.used.warn",
                    disk + "perfdata.used.crit", disk + "perfdata.used.max", disk + "perfdata.time.value",
                    disk + "metadata.state", disk + "metadata.max_check_attempts",
                    "icinga2.web_1.host.check_dummy.perfdata.rta.value");
            // carbon creates each whisper file on its own schedule: wait until every one has a point
            try {
                await(() -> expected.stream().allMatch(metric -> !points(carbon, metric).isEmpty()), "carbon");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nmissing: " + expected.stream()
                        .filter(metric -> points(carbon, metric).isEmpty()).toList(), e);
            }
            assertThat(last(carbon, disk + "perfdata.used.value")).isEqualTo(42);
            assertThat(last(carbon, disk + "perfdata.used.warn")).isEqualTo(80);
            assertThat(last(carbon, disk + "perfdata.used.crit")).isEqualTo(90);
            assertThat(last(carbon, disk + "perfdata.used.max")).isEqualTo(100);
            assertThat(last(carbon, disk + "perfdata.time.value")).isEqualTo(0.5);
            assertThat(last(carbon, disk + "metadata.state")).isEqualTo(1); // WARNING
            assertThat(last(carbon, disk + "metadata.max_check_attempts")).isEqualTo(1);
            assertThat(last(carbon, "icinga2.web_1.host.check_dummy.perfdata.rta.value")).isEqualTo(0.061);

            await(() -> series(influx, "SELECT * FROM check_dummy WHERE metric = 'used'") != null, "influxdb");
            JsonNode used = series(influx, "SELECT value, warn, crit, min, max, unit, hostname, service FROM "
                    + "check_dummy WHERE metric = 'used' ORDER BY time DESC LIMIT 1");
            assertThat(used.get("values").get(0).toString()).endsWith(",42,80,90,0,100,\"%\",\"web 1\",\"Disk.var\"]");
            JsonNode meta = series(influx, "SELECT state, state_type, current_attempt FROM check_dummy WHERE "
                    + "service = 'Disk.var' AND metric = '' ORDER BY time DESC LIMIT 1");
            assertThat(meta).as("the metadata point").isNotNull();
            assertThat(meta.get("values").get(0).toString()).endsWith(",1,1,1]");

            String metrics = scrape();
            assertThat(value(metrics, "vigil_metric_writer_sent_total", "graphite")).isPositive();
            assertThat(value(metrics, "vigil_metric_writer_sent_total", "influxdb")).isPositive();
            assertThat(value(metrics, "vigil_metric_writer_dropped_total", "graphite")).isZero();
            assertThat(value(metrics, "vigil_metric_writer_connected", "influxdb")).isEqualTo(1);
            // the writers' series follow the monitor's own, each in Prometheus's text format
            assertThat(metrics.indexOf("vigil_services{")).isLessThan(metrics.indexOf("vigil_metric_writer_"));
            metrics.lines().filter(l -> !l.startsWith("#"))
                    .forEach(l -> assertThat(l).matches("[a-z_]+(\\{[^}]*})? -?[0-9.]+"));
        }
    }

    @Test
    void receiversAwayBoundTheQueueDropTheOldestCountedInMetricsAcrossAReloadAndDeliveryResumesWhenTheyAreBack()
            throws Exception {
        int carbonPort = Ports.free();
        int influxPort = Ports.free();
        long started = System.currentTimeMillis() / 1000;
        startVigil(carbonPort, influxPort, 5, 0.3);
        await(() -> {
            String m = scrape();
            return value(m, "vigil_metric_writer_dropped_total", "graphite") > 10
                    && value(m, "vigil_metric_writer_dropped_total", "influxdb") > 10;
        }, "drops while the receivers are away");
        String away = scrape();
        for (String writer : List.of("graphite", "influxdb")) {
            assertThat(value(away, "vigil_metric_writer_queued", writer)).isLessThanOrEqualTo(5);
            assertThat(value(away, "vigil_metric_writer_queue_capacity", writer)).isEqualTo(5);
            assertThat(value(away, "vigil_metric_writer_connected", writer)).isZero();
            assertThat(value(away, "vigil_metric_writer_sent_total", writer)).isZero();
            assertThat(value(away, "vigil_metric_writer_send_failures_total", writer)).isPositive();
        }
        assertThat(Files.readString(out)).contains("Warning: Metrics: Graphite at 127.0.0.1:" + carbonPort
                + " cannot be reached").contains("Warning: Metrics: InfluxDB at http://127.0.0.1:" + influxPort
                + " cannot be reached");
        // a reload keeps the writers, their queues and counts: nothing queued is lost, the counters go on
        long droppedBefore = value(away, "vigil_metric_writer_dropped_total", "graphite");
        new ProcessBuilder("kill", "-HUP", Long.toString(vigil.pid())).start().waitFor();
        await(() -> {
            try {
                return Files.readString(out).contains("Caught SIGHUP, restarting...");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, "the reload");
        await(() -> value(scrape(), "vigil_metric_writer_dropped_total", "graphite") > droppedBefore + 5,
                "drops counted on after the reload");
        long back = System.currentTimeMillis() / 1000;
        try (Carbon carbon = Carbon.start(dir.resolve("carbon"), carbonPort);
             Influxd influx = Influxd.start(dir.resolve("influx"), influxPort)) {
            influx.query(null, "CREATE DATABASE vigil");
            String used = "icinga2.web_1.services.Disk_var.check_dummy.perfdata.used.value";
            await(() -> points(carbon, used).size() >= 2, "carbon, once back");
            await(() -> series(influx, "SELECT value FROM check_dummy WHERE metric = 'used'") != null,
                    "influxdb, once back");
            // what the queue kept is the newest: the results of the first seconds were dropped
            double first = points(carbon, used).get(0)[0];
            assertThat(first).isGreaterThan(started + 1.0).isGreaterThanOrEqualTo(back - 3.0);
            JsonNode oldest = series(influx, "SELECT value FROM check_dummy WHERE metric = 'used' ORDER BY time ASC "
                    + "LIMIT 1");
            long firstInflux = java.time.Instant.parse(oldest.get("values").get(0).get(0).asText()).getEpochSecond();
            assertThat(firstInflux).isGreaterThan(started + 1).isGreaterThanOrEqualTo(back - 3);
            await(() -> {
                String m = scrape();
                return value(m, "vigil_metric_writer_connected", "graphite") == 1
                        && value(m, "vigil_metric_writer_connected", "influxdb") == 1;
            }, "connected again");
            String resumed = scrape();
            assertThat(value(resumed, "vigil_metric_writer_sent_total", "graphite")).isPositive();
            assertThat(value(resumed, "vigil_metric_writer_sent_total", "influxdb")).isPositive();
            assertThat(Files.readString(out)).contains("Metrics: Graphite at 127.0.0.1:" + carbonPort
                    + " is reached again").contains("Metrics: InfluxDB at http://127.0.0.1:" + influxPort
                    + " is reached again");
        }
    }

    @Test
    void aBadMetricsSectionIsRefusedNamingTheKey() throws Exception {
        writeConfig();
        Files.writeString(dir.resolve("vigil.yml"), """
                metric_writers:
                  graphite: { host: 127.0.0.1, port: 70000 }
                  influxdb: { url: "ftp://x" }
                """);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = Vigil.run(new String[] {"run", "--web-config", dir.resolve("vigil.yml").toString(),
            dir.resolve("nagios.cfg").toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err));
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("the web configuration is not valid")
                .contains("metric_writers.graphite.port: 70000 is out of range (expected 1 to 65535)")
                .contains("metric_writers.influxdb.database: is missing")
                .contains("metric_writers.influxdb.url: 'ftp://x' is not an http(s) URL").doesNotContain("Exception");
        Files.writeString(dir.resolve("vigil.yml"), "metric_writers:\n  graphit:\n    host: x\n");
        err.reset();
        rc = Vigil.run(new String[] {"run", "--web-config", dir.resolve("vigil.yml").toString(),
            dir.resolve("nagios.cfg").toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err));
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("Unrecognized field at: metric_writers.graphit")
                .contains("Did you mean?").contains("graphite")
                .doesNotContain("\tat ");
    }

    /**
     * A host and two services checked every second, with perfdata; service "Disk.var" is WARNING. ({@code \;}: a
     * plain semicolon starts a comment in Nagios's object files.)
     */
    private void writeConfig() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log")
                + "\nretain_state_information=0\ninterval_length=1\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ "$ARG2$"
                }
                define contact {
                    contact_name admin
                    host_notifications_enabled 0
                    service_notifications_enabled 0
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                define host {
                    host_name web 1
                    check_command check_dummy!0!up | rta=0.061ms\\;3000\\;5000\\;0\\;
                    max_check_attempts 1
                    contacts admin
                    check_interval 1
                }
                define service {
                    host_name web 1
                    service_description Disk.var
                    check_command check_dummy!1!disk | used=42%\\;80\\;90\\;0\\;100 time=0.5s
                    max_check_attempts 1
                    contacts admin
                    check_interval 1
                    retry_interval 1
                }
                define service {
                    host_name web 1
                    service_description Load
                    check_command check_dummy!0!load | load1=0.25\\;5\\;10\\;0
                    max_check_attempts 1
                    contacts admin
                    check_interval 1
                }
                """);
    }

    private void startVigil(int carbonPort, int influxPort, int queueSize, double reconnectSeconds)
            throws Exception {
        writeConfig();
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                metric_writers:
                  graphite: { host: 127.0.0.1, port: %d, queue_size: %d, reconnect_seconds: %s }
                  influxdb: { url: "http://127.0.0.1:%d", database: vigil, queue_size: %d, reconnect_seconds: %s }
                """.formatted(carbonPort, queueSize, reconnectSeconds, influxPort, queueSize, reconnectSeconds));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        out = dir.resolve("out.txt");
        vigil = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("nagios.cfg").toString())).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Matcher m = null;
        for (int i = 0; i < 300 && (m == null || !m.find()); i++) {
            Thread.sleep(100);
            m = SERVING.matcher(Files.readString(out));
        }
        assertThat(m.find(0)).as(Files.readString(out)).isTrue();
        adminPort = Integer.parseInt(m.group(2));
        assertThat(Files.readString(out)).contains("Metrics: each result's performance data goes to Graphite at "
                + "127.0.0.1:" + carbonPort + " and InfluxDB at http://127.0.0.1:" + influxPort);
    }

    private String scrape() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long value(String metrics, String name, String writer) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{writer=\"" + writer + "\"} (\\d+)$").matcher(metrics);
        assertThat(m.find()).as(name + " for " + writer + " in\n" + metrics).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<double[]> points(Carbon carbon, String metric) {
        try {
            return carbon.points(metric);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double last(Carbon carbon, String metric) {
        List<double[]> p = points(carbon, metric);
        assertThat(p).as(metric).isNotEmpty();
        return p.get(p.size() - 1)[1];
    }

    /** The first series of {@code select}'s answer, null when it has none. */
    private static JsonNode series(Influxd influx, String select) {
        try {
            JsonNode series = JSON.readTree(influx.query("vigil", select)).path("results").path(0).path("series");
            return series.isMissingNode() || series.isEmpty() ? null : series.get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void await(BooleanSupplier condition, String what) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within 30 s; vigil said:\n" + Files.readString(out));
    }
}
