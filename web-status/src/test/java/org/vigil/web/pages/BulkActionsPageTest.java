package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.vigil.engine.daemon.Daemon;
import org.vigil.web.api.BodyLimit;
import org.vigil.web.api.OutageFixture;
import org.vigil.web.app.VigilConfiguration;
import org.vigil.web.app.WebServer;

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

    OutageFixture outage;
    Daemon daemon;
    WebServer web;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        outage = new OutageFixture(dir, HOSTS, SERVICES_PER_HOST, new OutageFixture.Names("db-cluster-east-rack-",
                "Disk /srv/postgresql/volume-", "DISK CRITICAL - 99% used"));
        daemon = outage.fixture.daemon;
        web = outage.fixture.web;
        System.out.printf("bulk actions: %,d services set up in %d ms%n", ALL, (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    void stop() {
        if (outage != null) {
            outage.close();
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
