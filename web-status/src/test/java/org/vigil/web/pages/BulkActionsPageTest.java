package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.config.ConfigLoader;
import org.vigil.config.LoadResult;
import org.vigil.engine.daemon.Daemon;
import org.vigil.web.api.BodyLimit;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;
import org.vigil.web.model.Monitor;

/**
 * Bulk actions at the size the issue names, on a real engine and web server with the default limits: 5,000 CRITICAL
 * services listed on one page, all ticked and POSTed (a GET's query string gave Jetty's bare 414 past about 300),
 * the form carrying the 5,000 back in its body, and the acknowledgement done for every one. Prints the times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BulkActionsPageTest {

    static final int HOSTS = 500;
    static final int SERVICES_PER_HOST = 10;
    static final int ALL = HOSTS * SERVICES_PER_HOST;

    Daemon daemon;
    WebServer web;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log")
                + "\nretain_state_information=0\ncheck_external_commands=0\nenable_notifications=0\n");
        StringBuilder objects = new StringBuilder("""
                define command {
                    command_name check_dummy
                    command_line /usr/lib/nagios/plugins/check_dummy $ARG1$
                }
                define contact {
                    contact_name ops
                    host_notification_commands check_dummy
                    service_notification_commands check_dummy
                }
                """);
        for (int h = 0; h < HOSTS; h++) {
            objects.append("define host {\n host_name db-cluster-east-rack-").append(h).append("\n max_check_attempts 1\n active_checks_enabled 0\n contacts ops\n}\n");
            for (int s = 0; s < SERVICES_PER_HOST; s++) {
                objects.append("define service {\n host_name db-cluster-east-rack-").append(h).append("\n service_description ")
                        .append("Disk /srv/postgresql/volume-").append(s).append("\n check_command check_dummy!2\n")
                        .append(" max_check_attempts 1\n active_checks_enabled 0\n contacts ops\n}\n");
            }
        }
        Files.writeString(dir.resolve("objects.cfg"), objects);
        LoadResult config = ConfigLoader.load(dir.resolve("nagios.cfg"));
        assertThat(config.ok()).as(() -> config.diagnostics().all().stream().limit(5).toList().toString()).isTrue();
        daemon = new Daemon(config, Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()));
        daemon.start();
        web = WebServer.start(Monitor.of(daemon), new VigilConfiguration().withPorts(0, 0), Clock.systemUTC());
        System.out.printf("bulk actions: started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        long now = System.currentTimeMillis() / 1000;
        for (int h = 0; h < HOSTS; h++) {
            for (int s = 0; s < SERVICES_PER_HOST; s++) {
                daemon.commands().submitLine("[" + now + "] PROCESS_SERVICE_CHECK_RESULT;db-cluster-east-rack-" + h
                        + ";Disk /srv/postgresql/volume-" + s + ";2;DISK CRITICAL - 99% used");
            }
        }
        daemon.engine().call(() -> null);
        System.out.printf("bulk actions: %,d services set up in %d ms%n", ALL, (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    void stop() {
        if (web != null) {
            web.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every {@code name="target" value="..."} of a page, in order. */
    private static List<String> targets(String html, String input) {
        Matcher m = Pattern.compile("<input type=\"" + input + "\"[^>]* name=\"target\" value=\"([^\"]*)\"")
                .matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&#47;", "/").replace("&amp;", "&"));
        }
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void fiveThousandServicesAcknowledgedByPost() throws Exception {
        HttpResponse<String> list = get("/services?state=CRITICAL&per_page=" + ALL);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<form method=\"post\" action=\"/actions/form\" class=\"list-actions\">");
        List<String> ticked = targets(list.body(), "checkbox");
        assertThat(ticked).hasSize(ALL).contains("db-cluster-east-rack-499;Disk /srv/postgresql/volume-9");

        // what the list's form posts: every ticked box, the action, where to go back
        StringBuilder chosen = new StringBuilder("return_to=" + encode("/services?state=CRITICAL")
                + "&action=acknowledge");
        ticked.forEach(t -> chosen.append("&target=").append(encode(t)));
        assertThat((long) chosen.length()).as("more than the usual body limit, within the action forms'")
                .isGreaterThan(new VigilConfiguration().limits.maxRequestBodyBytes)
                .isLessThan(BodyLimit.ACTION_FORM_BYTES);
        long t0 = System.nanoTime();
        HttpResponse<String> form = post("/actions/form", chosen.toString());
        long formMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("<summary id=\"action-target-count\">" + ALL + " targets</summary>");
        List<String> carried = targets(form.body(), "hidden");
        assertThat(carried).as("the form carries every target in its body").hasSize(ALL)
                .containsExactlyElementsOf(ticked);
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();

        StringBuilder submit = new StringBuilder("csrf=" + encode(csrf.group(1)) + "&return_to="
                + encode("/services?state=CRITICAL") + "&action=acknowledge&sticky=on&comment="
                + encode("disk array replaced tonight"));
        carried.forEach(t -> submit.append("&target=").append(encode(t)));
        t0 = System.nanoTime();
        HttpResponse<String> done = post("/actions", submit.toString());
        long runMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .endsWith("/services?state=CRITICAL&done=" + ALL + "&action=acknowledge");
        int acknowledged = daemon.engine().call(() -> (int) daemon.engine().model().services().keySet().stream()
                .filter(k -> daemon.engine().statusOf(daemon.engine().serviceTarget(k).orElseThrow())
                        .problemHasBeenAcknowledged()).count());
        assertThat(acknowledged).isEqualTo(ALL);
        assertThat(get("/services?handled=acknowledged&per_page=10").body())
                .contains("id=\"list-counts\"><strong>" + ALL + "</strong>");
        System.out.printf("bulk acknowledge of %,d services: form %d ms, %,d commands %d ms (body %,d bytes)%n",
                ALL, formMillis, ALL, runMillis, submit.length());
    }

    @Test
    void moreTargetsThanOneActionTakesAreRefusedClearly() throws Exception {
        StringBuilder body = new StringBuilder("action=recheck");
        for (int i = 0; i <= ActionsResource.MAX_TARGETS; i++) {
            body.append("&target=h").append(i);
        }
        HttpResponse<String> r = post("/actions/form", body.toString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains((ActionsResource.MAX_TARGETS + 1) + " targets chosen: one action takes at most "
                + ActionsResource.MAX_TARGETS);
    }
}
