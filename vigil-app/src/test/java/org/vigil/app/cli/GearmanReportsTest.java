package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.daemon.Daemon;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
import org.vigil.web.model.Monitor;
import org.vigil.worker.dispatch.DispatchCounters;
import org.vigil.worker.dispatch.GearmanStatus;
import org.vigil.worker.dispatch.QueueMonitor;
import org.vigil.worker.gearman.GearmanClient;
import org.vigil.worker.gearman.GearmanWorker;
import org.vigil.worker.gearman.Gearmand;
import org.vigil.worker.gearman.ServerAddress;

/**
 * A real gearmand's queues on the web server as {@code vigil run} wires them: the queue monitor's snapshots and
 * the dispatch's counters, through {@link GearmanReports}, on {@code /api/v1/gearman}, {@code /metrics} and
 * {@code /gearman}.
 */
class GearmanReportsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void aRealGearmandsQueuesReachTheApiTheMetricsAndThePage() throws Exception {
        ServerAddress nobody;
        try (ServerSocket s = new ServerSocket(0)) {
            nobody = new ServerAddress("127.0.0.1", s.getLocalPort());
        }
        DispatchCounters counters = new DispatchCounters(4, 0, 0, 0, 0, 0, 4, 0,
                Optional.empty(), false, Optional.empty());
        try (Gearmand gearmand = Gearmand.start();
             GearmanClient client = GearmanClient.connect(gearmand.address(), TIMEOUT);
             GearmanWorker worker = GearmanWorker.connect(gearmand.address(), TIMEOUT);
             QueueMonitor queues = new QueueMonitor(List.of(gearmand.address(), nobody), Duration.ofMillis(100),
                     TIMEOUT, Clock.systemUTC())) {
            for (int i = 0; i < 3; i++) {
                client.submitBackground("service", ("check " + i).getBytes(StandardCharsets.UTF_8));
            }
            client.submitBackground("hostgroup_web", "host check".getBytes(StandardCharsets.UTF_8));
            worker.canDo("service");
            worker.grabJob().orElseThrow();
            queues.start();
            awaitPolled(queues);

            Daemon daemon = daemon();
            try (WebServer web = WebServer.start(Monitor.withGearman(daemon, GearmanReports.of(
                    GearmanStatus.supplier(() -> counters, queues, Clock.systemUTC()))),
                    new VigilConfiguration().withPorts(0, 0), Clock.systemUTC())) {
                JsonNode api = new ObjectMapper().readTree(get(web.port(), "/api/v1/gearman"));
                assertThat(api.get("queue_depth").asLong()).isEqualTo(4);
                assertThat(api.get("jobs_waiting").asLong()).isEqualTo(3);
                assertThat(api.get("jobs_running").asLong()).isEqualTo(1);
                assertThat(api.get("counts").get("pending").asLong()).isEqualTo(4);
                assertThat(api.get("servers").get(0).get("up").asBoolean()).isTrue();
                assertThat(api.get("servers").get(0).get("workers").asLong()).isEqualTo(1);
                assertThat(api.get("servers").get(1).get("problem").asText())
                        .isEqualTo("gearman server " + nobody + " unreachable: Connection refused");

                assertThat(get(web.adminPort(), "/metrics").lines()).contains(
                        "vigil_gearman_queue_waiting{queue=\"hostgroup_web\"} 1",
                        "vigil_gearman_queue_waiting{queue=\"service\"} 2",
                        "vigil_gearman_queue_running{queue=\"service\"} 1",
                        "vigil_gearman_queue_workers{queue=\"service\"} 1",
                        "vigil_gearman_queue_workers{queue=\"hostgroup_web\"} 0",
                        "vigil_gearman_server_up{server=\"" + gearmand.address() + "\"} 1",
                        "vigil_gearman_server_up{server=\"" + nobody + "\"} 0");

                String page = get(web.port(), "/gearman");
                String service = page.substring(page.indexOf("<th>service</th>"));
                assertThat(service.substring(0, service.indexOf("</tr>"))).contains("<td>2</td><td>1</td>");
            } finally {
                daemon.close();
            }
        }
    }

    private Daemon daemon() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nretain_state_information=0\n"
                + "check_external_commands=0\nillegal_macro_output_chars=`~$&|'\"<>\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define timeperiod {
                    timeperiod_name 24x7
                    sunday          00:00-24:00
                }
                define contact {
                    contact_name                  ops
                    host_notification_period      24x7
                    service_notification_period   24x7
                    host_notification_commands    check_dummy
                    service_notification_commands check_dummy
                }
                define host {
                    host_name             web1
                    check_command         check_dummy!0
                    max_check_attempts    1
                    active_checks_enabled 0
                    contacts              ops
                }
                define service {
                    host_name             web1
                    service_description   http
                    check_command         check_dummy!0
                    max_check_attempts    1
                    active_checks_enabled 0
                    contacts              ops
                }
                """);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(config.diagnostics().all().toString()).isTrue();
        Daemon daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()));
        daemon.start();
        return daemon;
    }

    private static void awaitPolled(QueueMonitor queues) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (queues.snapshots().get(0).functions().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(queues.snapshots().get(0).reachable()).as(queues.snapshots().toString()).isTrue();
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
