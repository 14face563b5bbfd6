package org.vigil.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.web.pages.ListPagesTest.row;
import static org.vigil.web.pages.ListPagesTest.rows;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.web.api.WebFixture;
import org.vigil.web.app.VigilConfiguration;

/**
 * Issue 21's triage of {@code /problems} on a real engine and web server: services of a DOWN host folded under its
 * row, the host's acknowledgement handling them, the filters (groups, service, state, handled, text), the sorts,
 * the CSV and JSON exports of the same rows, and bad values as 400s.
 *
 * <p>States: web1 DOWN (in host group webservers), db1 UP; web1/http CRITICAL (service group ports), web1/disk
 * WARNING with quotes and a comma in its output, db1/pg CRITICAL (ports) with an output that starts a formula.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemsPageTest {

    WebFixture web;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        web = new WebFixture(dir, new VigilConfiguration());
        post("/api/v1/hosts/db1/result", "{\"status\":\"up\",\"output\":\"PING OK\"}");
        post("/api/v1/hosts/web1/result", "{\"status\":\"down\",\"output\":\"PING CRITICAL - 100% loss\"}");
        post("/api/v1/services/web1/http/result", "{\"status\":\"critical\",\"output\":\"HTTP CRITICAL 500\"}");
        post("/api/v1/services/web1/disk/result",
                "{\"status\":\"warning\",\"output\":\"DISK WARNING - \\\"/var\\\" 91%, 2 GB free\"}");
        // an output a spreadsheet would run as a formula, were it not neutralised in the CSV
        post("/api/v1/services/db1/pg/result", "{\"status\":\"critical\",\"output\":\"=HYPERLINK(\\\"http://x\\\")"
                + " PG down\"}");
    }

    @AfterAll
    void stop() {
        web.close();
    }

    private void post(String path, String body) throws Exception {
        WebFixture.Reply r = web.post(path, body);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
    }

    private String page(String path) throws Exception {
        WebFixture.Reply r = web.get(path);
        assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        return r.text();
    }

    private static String section(String html, String which) {
        int start = html.indexOf("<tbody class=\"" + which + "\">");
        return html.substring(start, html.indexOf("</tbody>", start));
    }

    @Test
    void servicesOfADownHostAreFoldedUnderItAndItsAcknowledgementHandlesThem() throws Exception {
        String html = page("/problems");
        // both of the worst severity: the most recent change first (or by name, within the same second)
        assertThat(rows(html, "problem-list")).containsExactlyInAnyOrder("web1", "db1;pg");
        assertThat(section(html, "unhandled")).contains("<tr data-host=\"web1\"")
                .contains("<li data-host=\"web1\" data-service=\"http\"")
                .contains("<li data-host=\"web1\" data-service=\"disk\"");
        assertThat(row(html, "problem-list", "web1")).contains("class=\"state-down has-affected\"")
                .contains("<details class=\"affected\"><summary>2 services affected: 1 CRITICAL, 1 WARNING</summary>");
        // each folded service can be ticked for a bulk action on its own
        assertThat(section(html, "unhandled")).contains("<li data-host=\"web1\" data-service=\"http\"><input "
                + "type=\"checkbox\" class=\"select\" name=\"target\" value=\"web1;http\"");
        assertThat(html).contains("<strong>2</strong> of 2 problems");

        post("/api/v1/hosts/web1/acknowledge", "{\"comment\":\"rack 4 power\"}");
        try {
            String acked = page("/problems");
            assertThat(rows(acked, "problem-list")).containsExactly("db1;pg", "web1");
            assertThat(section(acked, "handled")).contains("<tr data-host=\"web1\"")
                    .contains("<li data-host=\"web1\" data-service=\"http\"")
                    .contains("<li data-host=\"web1\" data-service=\"disk\"");
            assertThat(section(acked, "unhandled")).doesNotContain("data-host=\"web1\"");
            // the host's handling counts as its services' handling, also for the filter
            assertThat(rows(page("/problems?handled=unhandled"), "problem-list")).containsExactly("db1;pg");
            assertThat(rows(page("/problems?handled=acknowledged"), "problem-list")).containsExactly("web1");
            assertThat(rows(page("/problems?state=CRITICAL&handled=handled"), "problem-list"))
                    .containsExactly("web1;http");
        } finally {
            post("/api/v1/hosts/web1/remove-acknowledgement", null);
        }
        assertThat(rows(page("/problems?handled=unhandled"), "problem-list")).containsExactlyInAnyOrder("web1",
                "db1;pg");
    }

    @Test
    void filtersChooseRowsAndAServiceWhoseHostIsLeftOutStandsAlone() throws Exception {
        assertThat(rows(page("/problems?hostgroup=webservers"), "problem-list")).containsExactly("web1");
        assertThat(rows(page("/problems?servicegroup=ports&sort=host"), "problem-list"))
                .containsExactly("db1;pg", "web1");
        assertThat(rows(page("/problems?state=DOWN"), "problem-list")).containsExactly("web1");
        assertThat(rows(page("/problems?state=CRITICAL&sort=host"), "problem-list"))
                .containsExactly("db1;pg", "web1;http");
        assertThat(rows(page("/problems?service=dis"), "problem-list")).containsExactly("web1;disk");
        assertThat(rows(page("/problems?host=db"), "problem-list")).containsExactly("db1;pg");
        assertThat(rows(page("/problems?text=500"), "problem-list")).containsExactly("web1;http");
        assertThat(rows(page("/problems?state_type=soft"), "problem-list")).isEmpty();
        String html = page("/problems?hostgroup=webservers");
        assertThat(html).contains("<strong>1</strong> of 2 problems")
                .contains("<option value=\"webservers\" selected>webservers</option>")
                .contains("<input type=\"text\" name=\"service\" value=\"\"")
                .contains("<input type=\"checkbox\" name=\"state\" value=\"UNREACHABLE\">")
                .contains("<a href=\"/problems\">clear filters</a>");
        WebFixture.Reply r = web.get("/problems?servicegroup=nosuch");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text().replace("&#39;", "'")).contains("There is no service group 'nosuch'.")
                .doesNotContain("Exception");
        assertThat(web.get("/problems?hostgroup=nosuch").text().replace("&#39;", "'"))
                .contains("There is no host group 'nosuch'.");
    }

    @Test
    void everySortIsAcceptedAndTheChoiceIsKeptInTheLinks() throws Exception {
        for (String sort : List.of("severity", "recent", "duration", "host", "service", "last_check")) {
            for (String order : List.of("asc", "desc")) {
                assertThat(rows(page("/problems?sort=" + sort + "&order=" + order), "problem-list"))
                        .as(sort + " " + order).containsExactlyInAnyOrder("web1", "db1;pg");
            }
        }
        assertThat(rows(page("/problems?sort=host"), "problem-list")).containsExactly("db1;pg", "web1");
        assertThat(rows(page("/problems?sort=host&order=desc"), "problem-list")).containsExactly("web1", "db1;pg");
        String html = page("/problems?sort=duration");
        assertThat(html).contains("href=\"/problems?sort=duration&amp;format=csv\"")
                .contains("<input type=\"hidden\" name=\"sort\" value=\"duration\">")
                .contains("href=\"/problems?sort=duration&amp;order=desc\"")
                .contains("<th class=\"sorted asc\"><a href=\"/problems?sort=duration&amp;order=desc\">Duration");
        assertBad("/problems?sort=colour", "sort 'colour' is not one of severity, recent, duration, host, service, "
                + "last_check");
        assertBad("/problems?order=sideways", "order 'sideways' is not one of asc, desc");
        assertBad("/problems?format=xml", "format 'xml' is not one of html, csv");
        assertBad("/problems?handled=maybe", "handled 'maybe' is not one of unhandled, acknowledged");
        assertBad("/problems?state=nope", "state 'nope' is not one of");
    }

    private void assertBad(String path, String message) throws Exception {
        WebFixture.Reply r = web.get(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.text().replace("&#39;", "'")).as(path).contains(message).doesNotContain("Exception");
    }

    @Test
    void csvExportHasEveryFilteredRowQuotedWithAFileName() throws Exception {
        HttpResponse<String> r = raw("/problems?format=csv&per_page=1&sort=host&order=desc");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"vigil-problems-\\d{8}T\\d{6}Z\\.csv\"");
        List<String> lines = List.of(r.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("section,host,service,under_host,state,state_type,attempt,max_attempts,"
                + "last_check,last_state_change,duration_seconds,acknowledged,in_downtime,output");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("unhandled,web1,,,DOWN,HARD,1,1,").endsWith(",PING CRITICAL - 100% loss");
        assertThat(lines.subList(2, 4)).anySatisfy(l -> assertThat(l).startsWith("unhandled,web1,http,web1,CRITICAL,"))
                .anySatisfy(l -> assertThat(l).startsWith("unhandled,web1,disk,web1,WARNING,")
                        .endsWith(",\"DISK WARNING - \"\"/var\"\" 91%, 2 GB free\""));
        assertThat(lines.get(4)).startsWith("unhandled,db1,pg,,CRITICAL,")
                .endsWith(",\"'=HYPERLINK(\"\"http://x\"\") PG down\"");

        List<String> services = List.of(raw("/services?state=CRITICAL&format=csv&per_page=1").body().split("\r\n"));
        assertThat(services).hasSize(3);
        assertThat(services.get(0)).startsWith("host,service,state,");
        assertThat(services.get(1)).startsWith("db1,pg,CRITICAL,HARD,1,1,");
        assertThat(services.get(2)).startsWith("web1,http,CRITICAL,");
        HttpResponse<String> hosts = raw("/hosts?state=DOWN&format=csv");
        assertThat(hosts.headers().firstValue("Content-Disposition").orElse("")).contains("vigil-hosts-");
        assertThat(hosts.body().split("\r\n")).hasSize(2);
        assertThat(hosts.body().split("\r\n")[1]).startsWith("web1,DOWN,HARD,");
    }

    @Test
    void jsonLinksGiveTheSameRowsThroughTheApi() throws Exception {
        String html = page("/problems?hostgroup=webservers");
        assertThat(html).contains("href=\"/api/v1/hosts?state=problem&amp;hostgroup=webservers\"")
                .contains("href=\"/api/v1/services?state=problem&amp;hostgroup=webservers\"");
        assertThat(page("/problems?state=DOWN")).contains("href=\"/api/v1/hosts?state=down\"")
                .doesNotContain("href=\"/api/v1/services?");
        String services = page("/services?state=CRITICAL&state=WARNING&sort=duration");
        assertThat(services).contains("href=\"/api/v1/services?state=critical%2Cwarning&amp;sort=duration\"");
        WebFixture.Reply api = web.get("/api/v1/services?state=critical,warning&host=web&service=htt&sort=duration");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body().get("items")).hasSize(1);
        assertThat(api.body().get("items").get(0).get("description").asText()).isEqualTo("http");
        assertThat(web.get("/api/v1/hosts?state=problem&servicegroup=ports&host=web").body().get("total").asInt())
                .isEqualTo(1);
        assertThat(web.get("/api/v1/services?handled=unhandled&state=critical").body().get("total").asInt())
                .isEqualTo(2);
        assertThat(web.get("/api/v1/services?handled=acknowledged").body().get("total").asInt()).isZero();
        assertThat(web.get("/api/v1/services?handled=maybe").status()).isEqualTo(400);
        assertThat(web.get("/api/v1/hosts?servicegroup=nosuch").status()).isEqualTo(404);
    }

    private HttpResponse<String> raw(String path) throws Exception {
        return web.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.web.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
