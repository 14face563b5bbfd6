package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pager both ways, through the real {@code vigil run}: a CRITICAL service is re-notified every second to a
 * PagerDuty-shaped Events API (a JDK HTTP server here) by the built-in webhook channel; the test then posts the
 * v3 webhook PagerDuty sends when someone acknowledges that incident (signed, in PagerDuty's documented shape,
 * with the dedup key Vigil sent), and Vigil acknowledges the service (logged as an external command), tells the
 * pager with an acknowledge event, and stops re-notifying. The same webhook again is a replay and changes nothing.
 */
class PagerRoundTripProcessTest {

    private static final String SECRET = "pd-subscription-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process process;
    private HttpServer pager;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        if (pager != null) {
            pager.stop(0);
        }
    }

    @Test
    void anAcknowledgementInPagerDutyAcknowledgesAndStopsReNotification() throws Exception {
        startPager();
        config();
        Matcher ports = start();
        int web = Integer.parseInt(ports.group(1));
        int admin = Integer.parseInt(ports.group(2));
        await("re-notification", () -> count("trigger") >= 2);
        String key = events.get(0).get("dedup_key").asText();
        assertThat(key).isEqualTo("vigil/web1/http");

        String body = """
                {"event":{"id":"01DEN2EK5C8KZ5Q1DGQ6A7M9VX","event_type":"incident.acknowledged",\
                "resource_type":"incident","occurred_at":"%s","agent":{"html_url":"https://acme.pagerduty.com/users/PLH1HKV",\
                "id":"PLH1HKV","self":"https://api.pagerduty.com/users/PLH1HKV","summary":"Tenex Engineer",\
                "type":"user_reference"},"client":{"name":"PagerDuty"},"data":{"id":"PGR0VU2","type":"incident",\
                "self":"https://api.pagerduty.com/incidents/PGR0VU2","html_url":"https://acme.pagerduty.com/incidents/PGR0VU2",\
                "number":2,"status":"acknowledged","incident_key":"%s","created_at":"%s",\
                "title":"PROBLEM: web1/http is CRITICAL","urgency":"high"}}}""".formatted(Instant.now(), key,
                Instant.now().minusSeconds(5));
        HttpResponse<String> acked = webhook(web, body, sign(body));
        assertThat(acked.statusCode()).as(acked.body()).isEqualTo(200);
        assertThat(acked.body()).contains("\"result\":\"acknowledged\"");
        await("the acknowledgement sent on to the pager", () -> count("acknowledge") == 1);
        long triggers = count("trigger");
        Thread.sleep(3000); // three notification intervals
        assertThat(count("trigger")).as("no re-notification once acknowledged").isEqualTo(triggers);

        HttpResponse<String> replay = webhook(web, body, sign(body));
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(replay.body()).contains("\"reason\":\"replay\"");
        String log = Files.readString(dir.resolve("nagios.log"));
        assertThat(log).containsOnlyOnce("EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;web1;http;2;1;0;Tenex Engineer;"
                + "acknowledged in PagerDuty")
                .contains("SERVICE NOTIFICATION: bob;web1;http;ACKNOWLEDGEMENT (CRITICAL);vigil-pager;");
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("vigil_receiver_events_total{receiver=\"pagerduty\",result=\"acknowledged\"} 1")
                .contains("vigil_receiver_refused_total{receiver=\"pagerduty\",reason=\"replay\"} 1");
        assertThat(Files.readString(dir.resolve("out.txt"))).doesNotContain("Exception");
    }

    private long count(String action) {
        return events.stream().filter(e -> e.path("event_action").asText().equals(action)).count();
    }

    private HttpResponse<String> webhook(int port, String body, String signature) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/hooks/pagerduty")).header("Content-Type", "application/json")
                .header("X-PagerDuty-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** PagerDuty's v1 signature: the hex HMAC-SHA256 of the raw body under the subscription's secret. */
    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private void startPager() throws Exception {
        pager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pager.createContext("/v2/enqueue", exchange -> {
            events.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        pager.start();
    }

    private void config() throws Exception {
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log")
                + "\nretain_state_information=0\ninterval_length=1\n");
        Files.writeString(dir.resolve("objects.cfg"), """
                define timeperiod {
                    timeperiod_name 24x7
                    alias Always
                    monday 00:00-24:00
                    tuesday 00:00-24:00
                    wednesday 00:00-24:00
                    thursday 00:00-24:00
                    friday 00:00-24:00
                    saturday 00:00-24:00
                    sunday 00:00-24:00
                }
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$ "$ARG2$"
                }
                define command {
                    command_name vigil-pager
                    command_line vigil-notify webhook $ARG1$
                }
                define contact {
                    contact_name bob
                    host_notification_period 24x7
                    service_notification_period 24x7
                    host_notification_options d,u,r
                    service_notification_options w,u,c,r,a
                    host_notification_commands vigil-pager!pager
                    service_notification_commands vigil-pager!pager
                }
                define host {
                    host_name web1
                    check_command check_dummy!0!UP
                    max_check_attempts 1
                    check_interval 3600
                    notification_period 24x7
                    contacts bob
                }
                define service {
                    host_name web1
                    service_description http
                    check_command check_dummy!2!CRITICAL - connection refused
                    max_check_attempts 1
                    check_interval 1
                    retry_interval 1
                    notification_interval 1
                    notification_period 24x7
                    contacts bob
                }
                """);
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                notifications:
                  webhooks:
                    pager: { url: "http://127.0.0.1:%d/v2/enqueue", style: pagerduty, routing_key: R0UT1NG }
                  outbox: { retry_initial: 1, retry_max: 1 }
                receivers:
                  pagerduty: { enabled: true, signing_secrets: ["%s"] }
                """.formatted(pager.getAddress().getPort(), SECRET));
    }

    /** Starts {@code vigil run}; the match holds the web and admin ports. */
    private Matcher start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("out.txt");
        process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("nagios.cfg").toString())).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Pattern serving = Pattern.compile("Web: serving http://127.0.0.1:(\\d+)/ \\(admin port (\\d+)\\)");
        await("the web server", () -> serving.matcher(read(out)).find());
        Matcher m = serving.matcher(read(out));
        assertThat(m.find()).isTrue();
        return m;
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Waits up to 90 s: a loaded CI machine has taken over 30 s to start the JVM and its web server. */
    private void await(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < end) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(done.getAsBoolean()).as(what + " (within 90 s); pager got " + events + "\n"
                + read(dir.resolve("out.txt"))).isTrue();
    }
}
