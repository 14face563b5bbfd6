package org.vigil.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21's incident pages as the real {@code vigil run} serves them: three hosts DOWN with ten CRITICAL services
 * each fold into three rows of /problems, the header's counts, search and favicon answer, all thirty services are
 * acknowledged by one POST of the list's form, the acknowledgements show on /comments by kind and with their author
 * in the list's badges, the CSV export lists the problems, and a service named with a slash is reachable through
 * the JSON API.
 */
class IncidentPagesProcessTest {

    private static final int DEAD_HOSTS = 3;
    private static final int SERVICES = 10;

    @TempDir
    Path dir;

    private Process vigil;
    private Path out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (vigil != null) {
            vigil.destroy();
            if (!vigil.waitFor(20, TimeUnit.SECONDS)) {
                vigil.destroyForcibly();
            }
        }
    }

    @Test
    void anOutageOfThreeHostsReadsAsThreeRowsAndIsHandledInOnePost() throws Exception {
        start();
        long now = System.currentTimeMillis() / 1000;
        StringBuilder results = new StringBuilder();
        for (int h = 1; h <= DEAD_HOSTS; h++) {
            results.append("[").append(now).append("] PROCESS_HOST_CHECK_RESULT;dead").append(h)
                    .append(";1;CRITICAL - 100% packet loss\n");
            for (int s = 1; s <= SERVICES; s++) {
                results.append("[").append(now).append("] PROCESS_SERVICE_CHECK_RESULT;dead").append(h)
                        .append(";svc").append(s).append(";2;CRITICAL - connection refused\n");
            }
        }
        results.append("[").append(now).append("] PROCESS_SERVICE_CHECK_RESULT;alive;Disk /var;0;")
                .append("DISK OK - 42% used|used=42%;80;90;0;100\n");
        Files.writeString(dir.resolve("nagios.cmd"), results);
        await("the outage on /problems", () -> count(get("/problems").body(), "has-affected") == DEAD_HOSTS);

        // triage: one row per dead host, its ten services folded under it, none of them a row of its own
        String problems = get("/problems").body();
        for (int h = 1; h <= DEAD_HOSTS; h++) {
            assertThat(problems).contains("dead" + h);
        }
        assertThat(count(problems, SERVICES + " services affected: " + SERVICES + " CRITICAL")).isEqualTo(DEAD_HOSTS);
        assertThat(problems).contains("<title>(" + (DEAD_HOSTS + DEAD_HOSTS * SERVICES) + ") Problems · Vigil</title>");

        // the header's summary, search and favicon
        String summary = get("/api/v1/summary").body();
        assertThat(summary).contains("\"unhandled\":" + (DEAD_HOSTS + DEAD_HOSTS * SERVICES));
        String search = get("/api/v1/search?q=dead2").body();
        assertThat(search).contains("\"dead2\"");
        assertThat(get("/favicon.ico").statusCode()).isEqualTo(200);

        // the export of the same list
        HttpResponse<String> csv = get("/problems?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(csv.body().lines().filter(l -> l.contains("connection refused")).count())
                .isEqualTo(DEAD_HOSTS * SERVICES);

        // one POST of the services list's form acknowledges all thirty, as the confirmation form sends them
        String list = get("/services?state=critical&per_page=100").body();
        List<String> targets = new ArrayList<>();
        Matcher box = Pattern.compile("<input type=\"checkbox\"[^>]* name=\"target\" value=\"([^\"]*)\"").matcher(list);
        while (box.find()) {
            targets.add(box.group(1).replace("&#47;", "/").replace("&amp;", "&"));
        }
        assertThat(targets).hasSize(DEAD_HOSTS * SERVICES);
        StringBuilder choose = new StringBuilder("action=acknowledge&return_to=%2Fproblems");
        targets.forEach(t -> choose.append("&target=").append(encode(t)));
        HttpResponse<String> form = post("/actions/form", choose.toString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        StringBuilder submit = new StringBuilder("csrf=" + encode(csrf.group(1))
                + "&action=acknowledge&return_to=%2Fproblems&sticky=on&author=" + encode("alice")
                + "&comment=" + encode("switch replaced, on it"));
        targets.forEach(t -> submit.append("&target=").append(encode(t)));
        HttpResponse<String> done = post("/actions", submit.toString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        await("thirty acknowledgements", () -> count(get("/comments?kind=acknowledgement").body(),
                "switch replaced, on it") == DEAD_HOSTS * SERVICES);
        assertThat(get("/services?state=critical&per_page=100").body()).contains("switch replaced, on it");

        // a service named with a slash, through the JSON API, with its perfdata
        HttpResponse<String> disk = get("/api/v1/services/alive/Disk%20%2Fvar");
        assertThat(disk.statusCode()).as(disk.body()).isEqualTo(200);
        assertThat(disk.body()).contains("DISK OK - 42% used");
        assertThat(get("/api/v1/services/alive/Disk%20%2Fvar/perfdata?range=4h").statusCode()).isEqualTo(200);
        assertThat(Files.readString(out)).doesNotContain("Exception");
    }

    private void start() throws Exception {
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
                define host {
                    name passive-host
                    register 0
                    check_command check_dummy!0
                    active_checks_enabled 0
                    max_check_attempts 1
                    contacts ops
                }
                define service {
                    name passive-service
                    register 0
                    check_command check_dummy!0
                    active_checks_enabled 0
                    max_check_attempts 1
                    contacts ops
                }
                define host {
                    use passive-host
                    host_name alive
                }
                define service {
                    use passive-service
                    host_name alive
                    service_description Disk /var
                }
                """);
        for (int h = 1; h <= DEAD_HOSTS; h++) {
            objects.append("define host {\n use passive-host\n host_name dead").append(h).append("\n}\n");
            for (int s = 1; s <= SERVICES; s++) {
                objects.append("define service {\n use passive-service\n host_name dead").append(h)
                        .append("\n service_description svc").append(s).append("\n}\n");
            }
        }
        Files.writeString(dir.resolve("objects.cfg"), objects);
        Files.writeString(dir.resolve("nagios.cfg"), "cfg_file=objects.cfg\nlog_file=" + dir.resolve("nagios.log")
                + "\nstatus_file=" + dir.resolve("status.dat") + "\nretain_state_information=0\nenable_notifications=0\n"
                + "check_external_commands=1\ncommand_file=" + dir.resolve("nagios.cmd") + "\n");
        Files.writeString(dir.resolve("vigil.yml"), """
                server:
                  applicationConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                  adminConnectors: [{ type: http, port: 0, bindHost: 127.0.0.1 }]
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        out = dir.resolve("out.txt");
        vigil = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.vigil.app.cli.Vigil", "run", "--web-config", dir.resolve("vigil.yml").toString(),
                dir.resolve("nagios.cfg").toString())).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Pattern serving = Pattern.compile("Web: serving http://127.0.0.1:(\\d+)/");
        await("the web server", () -> read().contains("Web: serving") && Files.exists(dir.resolve("nagios.cmd")));
        Matcher m = serving.matcher(read());
        assertThat(m.find()).isTrue();
        port = Integer.parseInt(m.group(1));
    }

    private String read() {
        try {
            return Files.readString(out);
        } catch (IOException e) {
            return "";
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private void await(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; vigil said:\n" + read());
            }
            Thread.sleep(200);
        }
    }
}
